using Spectra.Testing;

namespace Spectra.IntegrationTests.Health;

public sealed class SecurityHeadersTests
{
    [Fact]
    public async Task Pages_CarryStrictContentSecurityPolicyAndNoSniff()
    {
        await using var host = await SpectraHost.StartAsync();
        using var client = host.CreateClient();

        using var response = await client.Http.GetAsync("/");

        var csp = string.Join(";", response.Headers.GetValues("Content-Security-Policy"));
        Assert.Contains("script-src 'self'", csp, StringComparison.Ordinal);
        Assert.DoesNotContain("unsafe-inline", csp, StringComparison.Ordinal);
        Assert.Equal("nosniff", string.Join("", response.Headers.GetValues("X-Content-Type-Options")));
        Assert.Equal("SAMEORIGIN", string.Join("", response.Headers.GetValues("X-Frame-Options")));
    }
}
