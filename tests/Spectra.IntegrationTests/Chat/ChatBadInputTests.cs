using System.Text;
using Spectra.Testing.Chat;
using static Spectra.IntegrationTests.Chat.ChatJson;

namespace Spectra.IntegrationTests.Chat;

public class ChatBadInputTests
{
    [Fact]
    public async Task MalformedFrame_ConnectionClosedWithError_OthersUnaffected()
    {
        await using var chat = await ChatTestHost.StartAsync();
        using var owner = await chat.SignUpAsync("alice");
        var (bystander, _) = await chat.JoinAsync("alice");
        var (sender, _) = await chat.JoinAsync("alice", owner);
        var bad = await chat.ConnectAsync();

        await bad.SendRawAsync("{\"type\":1,\"target\":\"JoinChannel\",\"arguments\":[\u001e");

        var closed = await bad.Closed.WaitAsync(TimeSpan.FromSeconds(15));
        Assert.True(closed.ReceivedCloseMessage);
        Assert.NotNull(closed.Error);
        await sender.InvokeAsync("SendMessage", "alice", "still here");
        await WaitForMessageAsync(bystander, "still here");
    }

    [Fact]
    public async Task UnknownMethod_ErrorCompletion_ConnectionStaysOpen()
    {
        await using var chat = await ChatTestHost.StartAsync();
        using var owner = await chat.SignUpAsync("alice");
        var client = await chat.ConnectAsync();

        var error = await Assert.ThrowsAsync<HubInvocationException>(() => client.InvokeAsync("DropAllTables"));

        Assert.Contains("DropAllTables", error.Message, StringComparison.Ordinal);
        var join = await client.InvokeAsync("JoinChannel", "alice", null);
        Assert.Equal("alice", join.GetProperty("channel").GetString());
    }

    [Fact]
    public async Task WrongArgumentTypes_ErrorCompletion_ConnectionStaysOpen()
    {
        await using var chat = await ChatTestHost.StartAsync();
        using var owner = await chat.SignUpAsync("alice");
        var (client, _) = await chat.JoinAsync("alice", owner);

        await Assert.ThrowsAsync<HubInvocationException>(() => client.InvokeAsync("JoinChannel", 42, "not a number"));
        await Assert.ThrowsAsync<HubInvocationException>(() => client.InvokeAsync("SendMessage", "alice"));
        await Assert.ThrowsAsync<HubInvocationException>(() => client.InvokeAsync("TimeoutUser", "alice", "bob", "ten", null));
        await Assert.ThrowsAsync<HubInvocationException>(() => client.InvokeAsync("Vote", "alice", "not-a-guid", 1));

        Assert.Equal("posted", Status(await client.InvokeAsync("SendMessage", "alice", "fine")));
    }

    [Fact]
    public async Task OneMegabyteFrame_ConnectionClosed_NothingStored()
    {
        await using var chat = await ChatTestHost.StartAsync();
        using var owner = await chat.SignUpAsync("alice");
        var (bystander, _) = await chat.JoinAsync("alice");
        var (client, _) = await chat.JoinAsync("alice", owner);
        var huge = new string('x', 1024 * 1024);
        var frame = Encoding.UTF8.GetBytes($"{{\"type\":1,\"invocationId\":\"9\",\"target\":\"SendMessage\",\"arguments\":[\"alice\",\"{huge}\"]}}\u001e");

        await client.SendRawAsync(frame);

        var closed = await client.Closed.WaitAsync(TimeSpan.FromSeconds(15));
        Assert.True(closed.ReceivedCloseMessage || client.State != System.Net.WebSockets.WebSocketState.Open);
        var (_, join) = await chat.JoinAsync("alice");
        Assert.Equal(0, join.GetProperty("messages").GetArrayLength());
        Assert.Empty(Messages(bystander));
    }

    [Fact]
    public async Task LongMessageWithinFrame_RefusedTooLong()
    {
        await using var chat = await ChatTestHost.StartAsync();
        using var owner = await chat.SignUpAsync("alice");
        var (client, _) = await chat.JoinAsync("alice", owner);

        var result = await client.InvokeAsync("SendMessage", "alice", new string('x', 501));

        Assert.Equal("tooLong", Code(result));
        Assert.Equal("posted", Status(await client.InvokeAsync("SendMessage", "alice", new string('x', 500))));
    }

    [Fact]
    public async Task Flood_OneConnection_RateLimitedWhileOthersChat()
    {
        await using var chat = await ChatTestHost.StartAsync();
        using var owner = await chat.SignUpAsync("alice");
        using var flooder = await chat.SignUpAsync("flood");
        var (ownerClient, _) = await chat.JoinAsync("alice", owner);
        var (floodClient, _) = await chat.JoinAsync("alice", flooder);
        var (reader, _) = await chat.JoinAsync("alice");

        var results = await Task.WhenAll(Enumerable.Range(0, 40).Select(i => floodClient.InvokeAsync("SendMessage", "alice", $"flood {i}")));

        var posted = results.Count(r => Status(r) == "posted");
        var limited = results.Where(r => Code(r) == "rateLimited").ToList();
        Assert.InRange(posted, 1, 8);
        Assert.Equal(40 - posted, limited.Count);
        Assert.All(limited, r => Assert.True(r.GetProperty("retryAfterMs").GetInt64() > 0));
        await Assert.ThrowsAsync<HubInvocationException>(async () =>
        {
            for (var i = 0; i < 50; i++)
            {
                await floodClient.InvokeAsync("LeaveChannel", "nobody-here");
            }
        });
        Assert.Equal("posted", Status(await ownerClient.InvokeAsync("SendMessage", "alice", "calm")));
        await WaitForMessageAsync(reader, "calm");
    }

    [Fact]
    public async Task HandshakeWithUnknownProtocol_Refused()
    {
        await using var chat = await ChatTestHost.StartAsync();
        var client = await SignalRJsonClient.ConnectAsync(chat.HubUri, new SignalRJsonClientOptions { SkipHandshake = true });
        await using var _ = client;

        await client.SendRawAsync("{\"protocol\":\"xml\",\"version\":1}\u001e");

        var closed = await client.Closed.WaitAsync(TimeSpan.FromSeconds(15));
        Assert.False(client.State == System.Net.WebSockets.WebSocketState.Open && !closed.ReceivedCloseMessage);
    }

    [Fact]
    public async Task Connect_FromOtherSiteOrigin_Closed()
    {
        await using var chat = await ChatTestHost.StartAsync();
        using var owner = await chat.SignUpAsync("alice");
        var sameSite = await chat.ConnectAsync(owner, new Dictionary<string, string> { ["Origin"] = chat.Host.BaseAddress.GetLeftPart(UriPartial.Authority) });
        Assert.Equal("alice", (await sameSite.InvokeAsync("JoinChannel", "alice", null)).GetProperty("channel").GetString());

        // Refused either during the handshake or right after it; never usable.
        await Assert.ThrowsAnyAsync<Exception>(async () =>
        {
            var crossSite = await chat.ConnectAsync(owner, new Dictionary<string, string> { ["Origin"] = "http://evil.example" });
            await crossSite.Closed.WaitAsync(TimeSpan.FromSeconds(15));
            await crossSite.InvokeAsync("SendMessage", "alice", "as alice");
        });
        var (_, join) = await chat.JoinAsync("alice");
        Assert.Equal(0, join.GetProperty("messages").GetArrayLength());
    }
}
