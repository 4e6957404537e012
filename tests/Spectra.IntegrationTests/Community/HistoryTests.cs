using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Spectra.Testing;
using static Spectra.IntegrationTests.Community.CommunityTestSupport;

namespace Spectra.IntegrationTests.Community;

public sealed class HistoryTests
{
    [Theory]
    [MemberData(nameof(Databases), MemberType = typeof(CommunityTestSupport))]
    public async Task Heartbeat_SignedIn_RecentlyWatchedThenDeleted(DatabaseKind database)
    {
        await using var host = await SpectraHost.StartAsync(database);
        var alice = Unique("alice");
        var carol = Unique("carol");
        using var _ = await host.SignUpAsync(alice);
        using var __ = await host.SignUpAsync(carol);
        using var bob = await host.SignUpAsync(Unique("bob"));

        Assert.Equal(HttpStatusCode.NoContent, (await bob.PostAsync($"/api/v1/channels/{alice}/watch", null)).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await bob.PostAsync($"/api/v1/channels/{carol}/watch", null)).StatusCode);

        var history = await bob.GetFromJsonAsync<JsonElement>("/api/v1/me/history");
        Assert.Equal([carol, alice], history.EnumerateArray().Select(h => h.GetProperty("name").GetString()));

        Assert.Equal(HttpStatusCode.NoContent, (await bob.DeleteAsync($"/api/v1/me/history/{carol}")).StatusCode);
        Assert.Equal([alice], (await bob.GetFromJsonAsync<JsonElement>("/api/v1/me/history")).EnumerateArray().Select(h => h.GetProperty("name").GetString()));
        Assert.Equal(HttpStatusCode.NoContent, (await bob.DeleteAsync("/api/v1/me/history")).StatusCode);
        Assert.Equal(0, (await bob.GetFromJsonAsync<JsonElement>("/api/v1/me/history")).GetArrayLength());
    }

    [Fact]
    public async Task Heartbeat_UnknownChannel_NotFound()
    {
        await using var host = await SpectraHost.StartAsync(DatabaseKind.Sqlite);
        using var client = host.CreateClient();

        Assert.Equal(HttpStatusCode.NotFound, (await client.PostAsync("/api/v1/channels/nobody-here/watch", null)).StatusCode);
    }

    [Fact]
    public async Task Heartbeat_AnonymousBeyondThePerAddressLimit_RefusedButSignedInStillCounts()
    {
        await using var host = await SpectraHost.StartAsync(settings: new Dictionary<string, string?> { ["Community:AnonymousHeartbeatsPerAddressPerMinute"] = "3" });
        var alice = Unique("alice");
        using var _ = await host.SignUpAsync(alice);
        using var bob = await host.SignUpAsync(Unique("bob"));

        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 4; i++)
        {
            // A new client each time: a made-up viewer (no cookie yet).
            using var anonymous = host.CreateClient();
            using var response = await anonymous.PostAsync($"/api/v1/channels/{alice}/watch", null);
            statuses.Add(response.StatusCode);
            if (i == 3)
            {
                var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
                Assert.Contains("Too many anonymous watch heartbeats", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
            }
        }

        Assert.Equal([HttpStatusCode.NoContent, HttpStatusCode.NoContent, HttpStatusCode.NoContent, HttpStatusCode.TooManyRequests], statuses);
        using var signedIn = await bob.PostAsync($"/api/v1/channels/{alice}/watch", null);
        Assert.Equal(HttpStatusCode.NoContent, signedIn.StatusCode);
    }
}
