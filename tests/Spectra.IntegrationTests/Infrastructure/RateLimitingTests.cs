using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Spectra.Testing;

namespace Spectra.IntegrationTests.Infrastructure;

/// <summary>
/// Request rate limits (RateLimits section): sign-in, sign-up and sign-out posts per address, account changes and API
/// writes per user, realtime connections per user or address; a refused request gets 429, Retry-After and a reason.
/// </summary>
public sealed class RateLimitingTests
{
    private const int RefusalEventId = 1400;

    [Fact]
    public async Task SignIn_PostsBeyondTheBurst_429WithRetryAfterWhileThePageStillLoads()
    {
        await using var host = await StartAsync(new() { ["RateLimits:Forms:Burst"] = "3", ["RateLimits:Forms:PerMinute"] = "1" });
        (await host.SignUpAsync("alice")).Dispose();
        using var client = host.CreateClient();

        for (var i = 0; i < 2; i++)
        {
            using var accepted = await SignInAsync(client);
            Assert.Equal(HttpStatusCode.Redirect, accepted.StatusCode);
        }

        using var refused = await SignInAsync(client);

        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.True(refused.Headers.RetryAfter?.Delta is { TotalSeconds: > 0 and <= 60 }, $"Retry-After: {refused.Headers.RetryAfter}");
        Assert.Contains("try again in", await refused.Content.ReadAsStringAsync(), StringComparison.OrdinalIgnoreCase);
        using var page = await client.Http.GetAsync("/signin");
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains(host.Logs.Entries, e => e.EventId.Id == RefusalEventId && e.Message.Contains("forms", StringComparison.Ordinal));
    }

    [Fact]
    public async Task SignIn_FromTrustedProxy_EachClientAddressHasItsOwnAllowance()
    {
        await using var host = await StartAsync(new()
        {
            ["RateLimits:Forms:Burst"] = "3",
            ["RateLimits:Forms:PerMinute"] = "1",
            ["Http:TrustedProxies:0"] = "127.0.0.0/8",
        });
        (await host.SignUpAsync("alice")).Dispose();
        using var client = host.CreateClient();

        client.Http.DefaultRequestHeaders.Add("X-Forwarded-For", "203.0.113.7");
        for (var i = 0; i < 3; i++)
        {
            using var accepted = await SignInAsync(client);
            Assert.Equal(HttpStatusCode.Redirect, accepted.StatusCode);
        }

        using var refused = await SignInAsync(client);
        client.Http.DefaultRequestHeaders.Remove("X-Forwarded-For");
        client.Http.DefaultRequestHeaders.Add("X-Forwarded-For", "2001:db8:1:2::9");
        using var otherAddress = await SignInAsync(client);

        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, otherAddress.StatusCode);
    }

    [Fact]
    public async Task ApiWrites_BeyondTheUsersBurst_ProblemDetails429_ReadsAndOtherUsersUnaffected()
    {
        await using var host = await StartAsync(new() { ["RateLimits:ApiWritesPerUser:Burst"] = "2", ["RateLimits:ApiWritesPerUser:PerMinute"] = "1" });
        using var alice = await host.SignUpAsync("alice");
        using var bob = await host.SignUpAsync("bob");

        for (var i = 0; i < 2; i++)
        {
            using var accepted = await MarkReadAsync(alice);
            Assert.True(accepted.IsSuccessStatusCode, $"write {i + 1}: {accepted.StatusCode}");
        }

        using var refused = await MarkReadAsync(alice);
        using var read = await alice.Http.GetAsync("/api/v1/me/notifications");
        using var otherUser = await MarkReadAsync(bob);

        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.Equal("application/problem+json", refused.Content.Headers.ContentType?.MediaType);
        var problem = await refused.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(429, problem.GetProperty("status").GetInt32());
        Assert.Contains("try again in", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.NotNull(refused.Headers.RetryAfter);
        Assert.Equal(HttpStatusCode.OK, read.StatusCode);
        Assert.True(otherUser.IsSuccessStatusCode, $"bob: {otherUser.StatusCode}");
    }

    [Fact]
    public async Task AccountSettings_TokenCreationBeyondTheBurst_Refused()
    {
        await using var host = await StartAsync(new() { ["RateLimits:Account:Burst"] = "2", ["RateLimits:Account:PerMinute"] = "1" });
        using var alice = await host.SignUpAsync("alice");

        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 3; i++)
        {
            using var response = await alice.PostFormAsync("/settings?handler=CreateToken", new() { ["TokenName"] = $"bot {i}" }, "/settings");
            statuses.Add(response.StatusCode);
        }

        Assert.DoesNotContain(HttpStatusCode.TooManyRequests, statuses[..2]);
        Assert.Equal(HttpStatusCode.TooManyRequests, statuses[2]);
    }

    [Fact]
    public async Task ChatHub_NegotiationsBeyondTheAddressBurst_Refused()
    {
        await using var host = await StartAsync(new() { ["RateLimits:RealtimePerAddress:Burst"] = "3", ["RateLimits:RealtimePerAddress:PerMinute"] = "1" });
        using var client = host.CreateClient();

        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 4; i++)
        {
            using var response = await client.Http.PostAsync("/hubs/chat/negotiate?negotiateVersion=1", null);
            statuses.Add(response.StatusCode);
        }

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests], statuses);
    }

    [Fact]
    public async Task Options_ZeroRate_StopsTheServerAtStart()
    {
        var error = await Assert.ThrowsAnyAsync<Exception>(async () => await (await StartAsync(new() { ["RateLimits:Forms:PerMinute"] = "0" })).DisposeAsync());

        Assert.Contains("RateLimits:Forms", error.ToString(), StringComparison.Ordinal);
    }

    private static Task<SpectraHost> StartAsync(Dictionary<string, string?> settings)
    {
        settings["RateLimits:Enabled"] = "true";
        return SpectraHost.StartAsync(settings: settings);
    }

    private static Task<HttpResponseMessage> SignInAsync(TestClient client) =>
        client.PostFormAsync("/signin", new() { ["UserName"] = "alice", ["Password"] = "correct horse battery" });

    private static Task<HttpResponseMessage> MarkReadAsync(TestClient client) =>
        client.SendJsonAsync(HttpMethod.Post, "/api/v1/me/notifications/read", new { });
}
