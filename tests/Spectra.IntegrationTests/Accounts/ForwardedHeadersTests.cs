using System.Net;
using Spectra.Testing;

namespace Spectra.IntegrationTests.Accounts;

/// <summary>Behind a reverse proxy: whose X-Forwarded-* headers are believed, and Secure cookies.</summary>
public sealed class ForwardedHeadersTests
{
    private static readonly Dictionary<string, string> WrongPassword = new() { ["UserName"] = "nobody", ["Password"] = "wrong password" };

    [Fact]
    public async Task ForwardedFor_NoTrustedProxy_HeaderIgnoredSoEveryoneSharesTheAddress()
    {
        await using var host = await SpectraHost.StartAsync(settings: new Dictionary<string, string?> { ["Accounts:MaxFailedSignInsPerIp"] = "2" });
        using var client = host.CreateClient();

        Assert.Equal(HttpStatusCode.BadRequest, await SignInFromAsync(client, "203.0.113.1"));
        Assert.Equal(HttpStatusCode.BadRequest, await SignInFromAsync(client, "203.0.113.2"));

        Assert.Equal(HttpStatusCode.TooManyRequests, await SignInFromAsync(client, "203.0.113.3"));
    }

    [Fact]
    public async Task ForwardedFor_FromTrustedProxy_ThrottlesEachClientOnItsOwn()
    {
        await using var host = await SpectraHost.StartAsync(settings: new Dictionary<string, string?>
        {
            ["Accounts:MaxFailedSignInsPerIp"] = "2",
            ["Http:TrustedProxies:0"] = "127.0.0.0/8",
        });
        using var client = host.CreateClient();

        Assert.Equal(HttpStatusCode.BadRequest, await SignInFromAsync(client, "203.0.113.1"));
        Assert.Equal(HttpStatusCode.BadRequest, await SignInFromAsync(client, "203.0.113.1"));

        Assert.Equal(HttpStatusCode.TooManyRequests, await SignInFromAsync(client, "203.0.113.1"));
        Assert.Equal(HttpStatusCode.BadRequest, await SignInFromAsync(client, "203.0.113.2"));
    }

    [Theory]
    [InlineData(false, false)]
    [InlineData(true, true)]
    public async Task ForwardedProtoHttps_SecureCookiesOnlyFromTrustedProxy(bool trusted, bool secure)
    {
        var settings = new Dictionary<string, string?>();
        if (trusted)
        {
            settings["Http:TrustedProxies:0"] = "127.0.0.1";
        }

        await using var host = await SpectraHost.StartAsync(settings: settings);
        using var client = host.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/signin");
        request.Headers.Add("X-Forwarded-Proto", "https");

        using var response = await client.Http.SendAsync(request);

        Assert.Equal(secure, AntiforgeryCookie(response).Contains("secure", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task AssumeHttps_PlainHttp_CookiesSecure()
    {
        await using var host = await SpectraHost.StartAsync(settings: new Dictionary<string, string?> { ["Http:AssumeHttps"] = "true" });
        using var client = host.CreateClient();

        using var response = await client.Http.GetAsync("/signin");

        Assert.Contains("secure", AntiforgeryCookie(response), StringComparison.OrdinalIgnoreCase);
    }

    private static async Task<HttpStatusCode> SignInFromAsync(TestClient client, string forwardedFor)
    {
        client.Http.DefaultRequestHeaders.Remove("X-Forwarded-For");
        client.Http.DefaultRequestHeaders.Add("X-Forwarded-For", forwardedFor);
        using var response = await client.PostFormAsync("/signin", WrongPassword);
        return response.StatusCode;
    }

    private static string AntiforgeryCookie(HttpResponseMessage response) =>
        response.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("spectra.af=", StringComparison.Ordinal));
}
