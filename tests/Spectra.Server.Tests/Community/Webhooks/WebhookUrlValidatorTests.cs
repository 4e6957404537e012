using System.Net;
using Spectra.Server.Community.Webhooks;

namespace Spectra.Server.Tests.Community.Webhooks;

public sealed class WebhookUrlValidatorTests
{
    [Theory]
    [InlineData("")]
    [InlineData("not a url")]
    [InlineData("/relative/path")]
    [InlineData("ftp://example.com/hook")]
    [InlineData("javascript:alert(1)")]
    [InlineData("file:///etc/passwd")]
    [InlineData("https://user:pass@example.com/hook")]
    public void CheckShape_Malformed_IsRefused(string url)
    {
        Assert.NotNull(WebhookUrlValidator.CheckShape(url, out _));
    }

    [Fact]
    public void CheckShape_TooLong_IsRefused()
    {
        Assert.NotNull(WebhookUrlValidator.CheckShape("https://example.com/" + new string('a', 2000), out _));
    }

    [Theory]
    [InlineData("http://127.0.0.1:8080/hook")]
    [InlineData("http://localhost/hook")]
    [InlineData("http://api.localhost/hook")]
    [InlineData("http://10.1.2.3/hook")]
    [InlineData("http://172.20.0.1/hook")]
    [InlineData("http://192.168.1.1/hook")]
    [InlineData("http://169.254.169.254/latest/meta-data")]
    [InlineData("http://100.64.0.1/")]
    [InlineData("http://0.0.0.0/")]
    [InlineData("http://[::1]/hook")]
    [InlineData("http://[fd00::1]/hook")]
    [InlineData("http://[fe80::1]/hook")]
    [InlineData("http://[::ffff:127.0.0.1]/hook")]
    [InlineData("http://2130706433/hook")]
    [InlineData("http://[::127.0.0.1]/hook")]
    [InlineData("http://[::10.0.0.1]/hook")]
    [InlineData("http://[2002:7f00:1::]/hook")]
    [InlineData("http://[2002:c0a8:101::1]/hook")]
    [InlineData("http://[2001:0:4136:e378:8000:63bf:80ff:fffe]/hook")]
    [InlineData("http://[2001:0:7f00:1::1]/hook")]
    [InlineData("http://[64:ff9b::7f00:1]/hook")]
    [InlineData("http://[64:ff9b:1::a00:1]/hook")]
    public async Task CheckAsync_PrivateTargets_AreRefused(string url)
    {
        Assert.NotNull(await WebhookUrlValidator.CheckAsync(url, allowPrivateNetworks: false, CancellationToken.None));
    }

    [Fact]
    public async Task CheckAsync_PrivateAllowedByOperator_IsAccepted()
    {
        Assert.Null(await WebhookUrlValidator.CheckAsync("http://127.0.0.1:9/hook", allowPrivateNetworks: true, CancellationToken.None));
    }

    [Fact]
    public async Task CheckAsync_PublicLiteral_IsAccepted()
    {
        Assert.Null(await WebhookUrlValidator.CheckAsync("https://93.184.215.14/hook", allowPrivateNetworks: false, CancellationToken.None));
    }

    [Theory]
    [InlineData("8.8.8.8", true)]
    [InlineData("172.32.0.1", true)]
    [InlineData("172.31.255.255", false)]
    [InlineData("100.128.0.1", true)]
    [InlineData("224.0.0.1", false)]
    [InlineData("2606:4700::1111", true)]
    [InlineData("2001:db8::1", false)]
    [InlineData("64:ff9b::a00:1", false)]
    [InlineData("64:ff9b::808:808", true)]
    [InlineData("2002:808:808::1", true)]
    [InlineData("::8.8.8.8", true)]
    [InlineData("2001:0:4136:e378:8000:63bf:f7f7:f7f7", true)]
    public void IsPublic_Address_Classified(string address, bool expected)
    {
        Assert.Equal(expected, WebhookUrlValidator.IsPublic(IPAddress.Parse(address)));
    }
}
