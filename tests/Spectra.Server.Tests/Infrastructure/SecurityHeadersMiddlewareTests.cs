using Microsoft.AspNetCore.Http;
using Spectra.Server.Infrastructure;

namespace Spectra.Server.Tests.Infrastructure;

public sealed class SecurityHeadersMiddlewareTests
{
    [Fact]
    public void ContentSecurityPolicy_Host_ConnectOnlyToThisSite()
    {
        var policy = SecurityHeadersMiddleware.ContentSecurityPolicy(new HostString("spectra.example:8443"));

        Assert.Contains("connect-src 'self' ws://spectra.example:8443 wss://spectra.example:8443;", policy, StringComparison.Ordinal);
        Assert.DoesNotContain(" ws: ", policy, StringComparison.Ordinal);
        Assert.DoesNotContain(" wss:;", policy, StringComparison.Ordinal);
        Assert.EndsWith("object-src 'none'", policy, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("")]
    [InlineData("evil.example; script-src *")]
    [InlineData("a'b")]
    public void ContentSecurityPolicy_OddHost_SelfOnly(string host)
    {
        var policy = SecurityHeadersMiddleware.ContentSecurityPolicy(new HostString(host));

        Assert.Contains("connect-src 'self';", policy, StringComparison.Ordinal);
        Assert.DoesNotContain("script-src *", policy, StringComparison.Ordinal);
    }
}
