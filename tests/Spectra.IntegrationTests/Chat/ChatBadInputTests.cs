using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.SignalR;
using Spectra.Testing;
using static Spectra.IntegrationTests.Chat.ChatJson;

namespace Spectra.IntegrationTests.Chat;

/// <summary>
/// Input no well-behaved client sends. Broken JSON, a megabyte frame and an unknown protocol cannot go
/// through the SignalR client library, so those tests write the JSON hub protocol by hand on a bare
/// <see cref="ClientWebSocket"/>: UTF-8 JSON records, each ended by 0x1E (HubProtocol.md, "JSON Encoding").
/// </summary>
public class ChatBadInputTests
{
    private const string Handshake = "{\"protocol\":\"json\",\"version\":1}\u001e";
    private static readonly TimeSpan RawWait = TimeSpan.FromSeconds(15);

    [Fact]
    public async Task MalformedFrame_ConnectionClosedWithError_OthersUnaffected()
    {
        await using var chat = await ChatTestHost.StartAsync();
        using var owner = await chat.SignUpAsync("alice");
        var (bystander, _) = await chat.JoinAsync("alice");
        var (sender, _) = await chat.JoinAsync("alice", owner);
        using var bad = await OpenRawAsync(chat);
        await SendRawAsync(bad, Handshake);
        await ReceiveRawAsync(bad, received => received.Contains('\u001e', StringComparison.Ordinal));

        await SendRawAsync(bad, "{\"type\":1,\"target\":\"JoinChannel\",\"arguments\":[\u001e");

        var close = CloseRecord(await ReceiveRawAsync(bad));
        Assert.True(close.HasValue);
        Assert.NotNull(close.Value.TryGetProperty("error", out var error) ? error.GetString() : null);
        await sender.InvokeAsync("SendMessage", "alice", "still here");
        await WaitForMessageAsync(bystander, "still here");
    }

    [Fact]
    public async Task UnknownMethod_ErrorCompletion_ConnectionStaysOpen()
    {
        await using var chat = await ChatTestHost.StartAsync();
        using var owner = await chat.SignUpAsync("alice");
        var client = await chat.ConnectAsync();

        var error = await Assert.ThrowsAsync<HubException>(() => client.InvokeAsync("DropAllTables"));

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

        await Assert.ThrowsAsync<HubException>(() => client.InvokeAsync("JoinChannel", 42, "not a number"));
        await Assert.ThrowsAsync<HubException>(() => client.InvokeAsync("SendMessage", "alice"));
        await Assert.ThrowsAsync<HubException>(() => client.InvokeAsync("TimeoutUser", "alice", "bob", "ten", null));
        await Assert.ThrowsAsync<HubException>(() => client.InvokeAsync("Vote", "alice", "not-a-guid", 1));

        Assert.Equal("posted", Status(await client.InvokeAsync("SendMessage", "alice", "fine")));
    }

    [Fact]
    public async Task OneMegabyteFrame_ConnectionClosed_NothingStored()
    {
        await using var chat = await ChatTestHost.StartAsync();
        using var owner = await chat.SignUpAsync("alice");
        var (bystander, _) = await chat.JoinAsync("alice");
        using var client = await OpenRawAsync(chat, owner);
        await SendRawAsync(client, Handshake);
        await ReceiveRawAsync(client, received => received.Contains('\u001e', StringComparison.Ordinal));
        await SendRawAsync(client, "{\"type\":1,\"invocationId\":\"1\",\"target\":\"JoinChannel\",\"arguments\":[\"alice\",null]}\u001e");
        await ReceiveRawAsync(client, received => received.Contains("\"type\":3", StringComparison.Ordinal));
        var huge = new string('x', 1024 * 1024);

        await SendRawAsync(client, $"{{\"type\":1,\"invocationId\":\"9\",\"target\":\"SendMessage\",\"arguments\":[\"alice\",\"{huge}\"]}}\u001e");

        var close = CloseRecord(await ReceiveRawAsync(client));
        Assert.True(close.HasValue || client.State != WebSocketState.Open);
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
        await Assert.ThrowsAsync<HubException>(async () =>
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
        using var client = await OpenRawAsync(chat);

        await SendRawAsync(client, "{\"protocol\":\"xml\",\"version\":1}\u001e");

        var close = CloseRecord(await ReceiveRawAsync(client));
        Assert.False(client.State == WebSocketState.Open && !close.HasValue);
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

    /// <summary>A bare WebSocket to the hub (no negotiation, as the hub offers only WebSockets), before any handshake.</summary>
    private static async Task<ClientWebSocket> OpenRawAsync(ChatTestHost chat, TestClient? user = null)
    {
        var socket = new ClientWebSocket();
        if (user is not null)
        {
            socket.Options.Cookies = user.Cookies;
        }

        using var timeout = new CancellationTokenSource(RawWait);
        await socket.ConnectAsync(new UriBuilder(chat.HubUri) { Scheme = "ws" }.Uri, timeout.Token);
        return socket;
    }

    private static async Task SendRawAsync(ClientWebSocket socket, string text)
    {
        using var timeout = new CancellationTokenSource(RawWait);
        await socket.SendAsync(Encoding.UTF8.GetBytes(text), WebSocketMessageType.Text, endOfMessage: true, timeout.Token);
    }

    /// <summary>
    /// Everything the server sends until <paramref name="until"/> holds for it, or, without one, until the
    /// server closes the socket; fails after <see cref="RawWait"/>.
    /// </summary>
    private static async Task<string> ReceiveRawAsync(ClientWebSocket socket, Func<string, bool>? until = null)
    {
        var received = new StringBuilder();
        var decoder = Encoding.UTF8.GetDecoder();
        var bytes = new byte[16 * 1024];
        var chars = new char[Encoding.UTF8.GetMaxCharCount(bytes.Length)];
        using var timeout = new CancellationTokenSource(RawWait);
        try
        {
            while (socket.State == WebSocketState.Open && (until is null || !until(received.ToString())))
            {
                var result = await socket.ReceiveAsync(bytes, timeout.Token);
                if (result.MessageType == WebSocketMessageType.Close)
                {
                    break;
                }

                received.Append(chars, 0, decoder.GetChars(bytes, 0, result.Count, chars, 0));
            }
        }
        catch (WebSocketException)
        {
            // The server dropped the connection without a close frame.
        }

        return received.ToString();
    }

    /// <summary>The hub protocol's Close message (type 7) among <paramref name="received"/> records, if the server sent one.</summary>
    private static JsonElement? CloseRecord(string received)
    {
        foreach (var record in received.Split('\u001e', StringSplitOptions.RemoveEmptyEntries))
        {
            using var document = JsonDocument.Parse(record);
            if (document.RootElement.TryGetProperty("type", out var type) && type.GetInt32() == 7)
            {
                return document.RootElement.Clone();
            }
        }

        return null;
    }
}
