using System.Security.Cryptography;
using System.Text;
using Spectra.Server.Community.Webhooks;

namespace Spectra.Server.Tests.Community.Webhooks;

public sealed class WebhookSignerTests
{
    [Fact]
    public void Sign_KnownInput_IsHmacOfTimestampDotBody()
    {
        var body = Encoding.UTF8.GetBytes("{\"a\":1}");
        var expected = "sha256=" + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes("s3cret"), Encoding.UTF8.GetBytes("1700000000.{\"a\":1}")));

        Assert.Equal(expected, WebhookSigner.Sign("s3cret", 1700000000, body));
    }

    [Fact]
    public void Verify_Tampered_Fails()
    {
        var body = Encoding.UTF8.GetBytes("hello");
        var signature = WebhookSigner.Sign("k", 10, body);

        Assert.True(WebhookSigner.Verify("k", 10, body, signature));
        Assert.False(WebhookSigner.Verify("k", 11, body, signature));
        Assert.False(WebhookSigner.Verify("other", 10, body, signature));
        Assert.False(WebhookSigner.Verify("k", 10, Encoding.UTF8.GetBytes("hellO"), signature));
        Assert.False(WebhookSigner.Verify("k", 10, body, null));
    }

    [Fact]
    public void NewSecret_TwoCalls_DifferAndArePrefixed()
    {
        var a = WebhookSigner.NewSecret();
        Assert.StartsWith("whsec_", a);
        Assert.NotEqual(a, WebhookSigner.NewSecret());
    }
}
