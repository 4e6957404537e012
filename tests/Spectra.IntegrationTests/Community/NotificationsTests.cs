using System.Net;
using System.Net.Http.Json;
using System.Net.WebSockets;
using System.Text.Json;
using Spectra.Testing;
using static Spectra.IntegrationTests.Community.CommunityTestSupport;

namespace Spectra.IntegrationTests.Community;

public sealed class NotificationsTests
{
    [Theory]
    [MemberData(nameof(Databases), MemberType = typeof(CommunityTestSupport))]
    public async Task GoLive_ConnectedFollower_ReceivesOverWebSocketAndInList(DatabaseKind database)
    {
        await using var host = await SpectraHost.StartAsync(database);
        var alice = Unique("alice");
        var bob = Unique("bob");
        using var _ = await host.SignUpAsync(alice);
        using var bobClient = await host.SignUpAsync(bob);
        await bobClient.PutAsync($"/api/v1/channels/{alice}/follow", null);
        using var socket = await host.ConnectWebSocketAsync(bobClient, "/api/v1/me/notifications/live");
        var hello = await ReceiveJsonAsync(socket);
        Assert.Equal("hello", hello.GetProperty("type").GetString());
        Assert.Equal(0, hello.GetProperty("unread").GetInt32());

        await GoLiveAsync(host, alice);

        var pushed = await ReceiveJsonAsync(socket);
        Assert.Equal("notification", pushed.GetProperty("type").GetString());
        Assert.Equal("stream.online", pushed.GetProperty("notification").GetProperty("kind").GetString());
        Assert.Equal("/" + alice, pushed.GetProperty("notification").GetProperty("url").GetString());
        var list = await bobClient.GetFromJsonAsync<JsonElement>("/api/v1/me/notifications");
        Assert.Equal(1, list.GetProperty("unread").GetInt32());
        Assert.Contains(alice, list.GetProperty("items")[0].GetProperty("text").GetString(), StringComparison.Ordinal);

        var afterRead = await (await bobClient.PostAsJsonAsync("/api/v1/me/notifications/read", new { })).Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(0, afterRead.GetProperty("unread").GetInt32());
        await socket.CloseAsync(WebSocketCloseStatus.NormalClosure, null, CancellationToken.None);
    }

    [Theory]
    [MemberData(nameof(Databases), MemberType = typeof(CommunityTestSupport))]
    public async Task GoLive_MutedFollower_NotNotifiedOthersAre(DatabaseKind database)
    {
        await using var host = await SpectraHost.StartAsync(database);
        var alice = Unique("alice");
        using var _ = await host.SignUpAsync(alice);
        using var muted = await host.SignUpAsync(Unique("muted"));
        using var loud = await host.SignUpAsync(Unique("loud"));
        using var stranger = await host.SignUpAsync(Unique("stranger"));
        await muted.PutAsync($"/api/v1/channels/{alice}/follow", null);
        await loud.PutAsync($"/api/v1/channels/{alice}/follow", null);
        Assert.Equal(HttpStatusCode.NoContent, (await muted.DeleteAsync($"/api/v1/channels/{alice}/notifications")).StatusCode);

        await GoLiveAsync(host, alice);

        Assert.Equal(0, (await muted.GetFromJsonAsync<JsonElement>("/api/v1/me/notifications/unread-count")).GetProperty("unread").GetInt32());
        Assert.Equal(1, (await loud.GetFromJsonAsync<JsonElement>("/api/v1/me/notifications/unread-count")).GetProperty("unread").GetInt32());
        Assert.Equal(0, (await stranger.GetFromJsonAsync<JsonElement>("/api/v1/me/notifications/unread-count")).GetProperty("unread").GetInt32());
    }

    [Fact]
    public async Task Mute_NotFollowing_NotFound()
    {
        await using var host = await SpectraHost.StartAsync(DatabaseKind.Sqlite);
        var alice = Unique("alice");
        using var _ = await host.SignUpAsync(alice);
        using var bob = await host.SignUpAsync(Unique("bob"));

        Assert.Equal(HttpStatusCode.NotFound, (await bob.DeleteAsync($"/api/v1/channels/{alice}/notifications")).StatusCode);
    }

    [Fact]
    public async Task LiveSocket_OriginOfAnotherSite_RefusedWith403()
    {
        await using var host = await SpectraHost.StartAsync(DatabaseKind.Sqlite);
        using var bob = await host.SignUpAsync(Unique("bob"));
        using var socket = new ClientWebSocket();
        socket.Options.Cookies = bob.Cookies;
        socket.Options.SetRequestHeader("Origin", "https://evil.example");
        socket.Options.CollectHttpResponseDetails = true;
        var uri = new UriBuilder(host.BaseAddress) { Scheme = "ws", Path = "/api/v1/me/notifications/live" }.Uri;
        using var cts = new CancellationTokenSource(WaitLimit);

        await Assert.ThrowsAsync<WebSocketException>(() => socket.ConnectAsync(uri, cts.Token));

        Assert.Equal(HttpStatusCode.Forbidden, socket.HttpStatusCode);
        Assert.Contains(host.Logs.Entries, e => e.Message.Contains("Origin of another site.", StringComparison.Ordinal));
    }

    [Fact]
    public async Task LiveSocket_OwnOrigin_Accepted()
    {
        await using var host = await SpectraHost.StartAsync(DatabaseKind.Sqlite);
        using var bob = await host.SignUpAsync(Unique("bob"));
        using var socket = new ClientWebSocket();
        socket.Options.Cookies = bob.Cookies;
        socket.Options.SetRequestHeader("Origin", host.BaseAddress.GetLeftPart(UriPartial.Authority));
        var uri = new UriBuilder(host.BaseAddress) { Scheme = "ws", Path = "/api/v1/me/notifications/live" }.Uri;
        using var cts = new CancellationTokenSource(WaitLimit);

        await socket.ConnectAsync(uri, cts.Token);

        Assert.Equal("hello", (await ReceiveJsonAsync(socket)).GetProperty("type").GetString());
        await socket.CloseAsync(WebSocketCloseStatus.NormalClosure, null, CancellationToken.None);
    }

    [Fact]
    public async Task MarkRead_TooManyIds_400WithoutTouchingTheDatabase()
    {
        await using var host = await SpectraHost.StartAsync(DatabaseKind.Sqlite);
        using var bob = await host.SignUpAsync(Unique("bob"));
        var ids = Enumerable.Range(0, 100_000).Select(_ => Guid.NewGuid()).ToArray();

        var response = await bob.PostAsJsonAsync("/api/v1/me/notifications/read", new { ids });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("Too many ids", problem.GetProperty("title").GetString());
    }

    [Fact]
    public async Task MarkRead_RepeatedIdsWithinLimit_Accepted()
    {
        await using var host = await SpectraHost.StartAsync(DatabaseKind.Sqlite);
        using var bob = await host.SignUpAsync(Unique("bob"));
        var id = Guid.NewGuid();
        var ids = Enumerable.Repeat(id, 5_000).ToArray();

        var response = await bob.PostAsJsonAsync("/api/v1/me/notifications/read", new { ids });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(0, (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("unread").GetInt32());
    }
}
