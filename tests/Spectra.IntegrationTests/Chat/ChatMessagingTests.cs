using System.Text.Json;
using Microsoft.AspNetCore.SignalR;
using Spectra.Testing;
using static Spectra.IntegrationTests.Chat.ChatJson;

namespace Spectra.IntegrationTests.Chat;

public class ChatMessagingTests
{
    [Theory]
    [InlineData(DatabaseKind.Sqlite)]
    [InlineData(DatabaseKind.Postgres)]
    public async Task SendMessage_SignedInSender_EveryJoinedClientReceivesIt(DatabaseKind database)
    {
        await using var chat = await ChatTestHost.StartAsync(database);
        using var owner = await chat.SignUpAsync("alice");
        using var viewer = await chat.SignUpAsync("bob");
        var (reader, join) = await chat.JoinAsync("alice");
        var (sender, _) = await chat.JoinAsync("ALICE", viewer);

        Assert.Equal("alice", join.GetProperty("channel").GetString());
        Assert.Equal(0, join.GetProperty("messages").GetArrayLength());
        Assert.Equal(JsonValueKind.Null, join.GetProperty("me").ValueKind);

        var result = await sender.InvokeAsync("SendMessage", "alice", "hello <b>world</b>");

        Assert.Equal("posted", Status(result));
        var delivered = await WaitForMessageAsync(reader, "hello <b>world</b>");
        Assert.Equal("bob", delivered.GetProperty("senderName").GetString());
        Assert.Equal(1, delivered.GetProperty("seq").GetInt64());
        Assert.Equal(0, delivered.GetProperty("badges").GetArrayLength());
        Assert.Equal("text", delivered.GetProperty("segments")[0].GetProperty("type").GetString());
        await WaitForMessageAsync(sender, "hello <b>world</b>");
    }

    [Fact]
    public async Task SendMessage_Anonymous_RefusedWithSignInError()
    {
        await using var chat = await ChatTestHost.StartAsync();
        using var owner = await chat.SignUpAsync("alice");
        var (reader, _) = await chat.JoinAsync("alice");

        var error = await Assert.ThrowsAsync<HubException>(() => reader.InvokeAsync("SendMessage", "alice", "hi"));

        Assert.Contains("Sign in", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task JoinChannel_MoreThan50Messages_ReturnsLast50InOrder()
    {
        await using var chat = await ChatTestHost.StartAsync(settings: new Dictionary<string, string?> { ["Chat:MethodLimits:SendMessage:Burst"] = "100" });
        using var owner = await chat.SignUpAsync("alice");
        var (sender, _) = await chat.JoinAsync("alice", owner);
        for (var i = 1; i <= 55; i++)
        {
            Assert.Equal("posted", Status(await sender.InvokeAsync("SendMessage", "alice", $"m{i}")));
        }

        var (_, join) = await chat.JoinAsync("alice");

        var texts = join.GetProperty("messages").EnumerateArray().Select(TextOf).ToList();
        Assert.Equal(Enumerable.Range(6, 50).Select(i => $"m{i}"), texts);
        Assert.Equal(55, join.GetProperty("lastSeq").GetInt64());
        Assert.Equal(["owner"], join.GetProperty("messages")[0].GetProperty("badges").EnumerateArray().Select(b => b.GetString()));
    }

    [Fact]
    public async Task JoinChannel_ResumeSinceSeq_OnlyLaterMessagesAndDeletedIds()
    {
        await using var chat = await ChatTestHost.StartAsync();
        using var owner = await chat.SignUpAsync("alice");
        var (sender, _) = await chat.JoinAsync("alice", owner);
        var ids = new List<string>();
        for (var i = 1; i <= 5; i++)
        {
            ids.Add((await sender.InvokeAsync("SendMessage", "alice", $"m{i}")).GetProperty("message").GetProperty("id").GetString()!);
        }

        await sender.InvokeAsync("DeleteMessage", "alice", ids[1], null);
        await sender.InvokeAsync("DeleteMessage", "alice", ids[3], null);

        var (_, join) = await chat.JoinAsync("alice", since: 2);

        Assert.Equal(["m3", "m5"], join.GetProperty("messages").EnumerateArray().Select(TextOf));
        Assert.False(join.GetProperty("gap").GetBoolean());
        var deleted = join.GetProperty("deletedIds").EnumerateArray().Select(e => e.GetString()).ToHashSet();
        Assert.Contains(ids[1], deleted);
        Assert.Contains(ids[3], deleted);
    }

    [Fact]
    public async Task JoinChannel_ResumeAfterMoreThanLimit_ReportsGap()
    {
        await using var chat = await ChatTestHost.StartAsync(settings: new Dictionary<string, string?>
        {
            ["Chat:ResumeLimit"] = "3",
            ["Chat:MethodLimits:SendMessage:Burst"] = "100",
        });
        using var owner = await chat.SignUpAsync("alice");
        var (sender, _) = await chat.JoinAsync("alice", owner);
        for (var i = 1; i <= 8; i++)
        {
            await sender.InvokeAsync("SendMessage", "alice", $"m{i}");
        }

        var (_, join) = await chat.JoinAsync("alice", since: 2);

        Assert.True(join.GetProperty("gap").GetBoolean());
        Assert.Equal(["m6", "m7", "m8"], join.GetProperty("messages").EnumerateArray().Select(TextOf));
    }

    [Fact]
    public async Task Reconnect_ResumeFromLastSeenSeq_NoDuplicatesNoGaps()
    {
        await using var chat = await ChatTestHost.StartAsync(settings: new Dictionary<string, string?> { ["Chat:MethodLimits:SendMessage:Burst"] = "100" });
        using var owner = await chat.SignUpAsync("alice");
        var (sender, _) = await chat.JoinAsync("alice", owner);
        var (reader, _) = await chat.JoinAsync("alice");
        await sender.InvokeAsync("SendMessage", "alice", "before");
        var last = (await WaitForMessageAsync(reader, "before")).GetProperty("seq").GetInt64();
        await reader.DisposeAsync();

        for (var i = 0; i < 4; i++)
        {
            await sender.InvokeAsync("SendMessage", "alice", $"while away {i}");
        }

        var (again, join) = await chat.JoinAsync("alice", since: last);
        await sender.InvokeAsync("SendMessage", "alice", "after");
        await WaitForMessageAsync(again, "after");

        // The client's rule: history first, then live messages newer than the join's lastSeq
        // (a message published while joining can arrive both ways; its number identifies it).
        var lastSeq = join.GetProperty("lastSeq").GetInt64();
        var seen = join.GetProperty("messages").EnumerateArray().Select(m => m.GetProperty("seq").GetInt64())
            .Concat(Messages(again).Select(m => m.GetProperty("seq").GetInt64()).Where(s => s > lastSeq))
            .ToList();
        Assert.Equal(Enumerable.Range((int)last + 1, 5).Select(i => (long)i), seen);
    }

    [Fact]
    public async Task SendMessage_MentionsLinksAndMarkup_SegmentsNotHtml()
    {
        await using var chat = await ChatTestHost.StartAsync();
        using var owner = await chat.SignUpAsync("alice");
        using var viewer = await chat.SignUpAsync("bob");
        var (sender, _) = await chat.JoinAsync("alice", viewer);
        var (ownerClient, _) = await chat.JoinAsync("alice", owner);

        var refused = await sender.InvokeAsync("SendMessage", "alice", "see https://example.com");
        var posted = await sender.InvokeAsync("SendMessage", "alice", "hi @alice <img src=x onerror=alert(1)> :heart:");
        var linked = await ownerClient.InvokeAsync("SendMessage", "alice", "my site https://example.com/x");

        Assert.Equal("linksNotAllowed", Code(refused));
        var segments = posted.GetProperty("message").GetProperty("segments").EnumerateArray().ToList();
        Assert.Equal(["text", "mention", "text", "emote"], segments.Select(s => s.GetProperty("type").GetString()));
        Assert.Equal("alice", segments[1].GetProperty("value").GetString());
        Assert.Equal(" <img src=x onerror=alert(1)> ", segments[2].GetProperty("text").GetString());
        var link = linked.GetProperty("message").GetProperty("segments").EnumerateArray().Single(s => s.GetProperty("type").GetString() == "link");
        Assert.Equal("https://example.com/x", link.GetProperty("value").GetString());
    }

    [Fact]
    public async Task SendMessage_UnknownChannel_ClearError()
    {
        await using var chat = await ChatTestHost.StartAsync();
        using var viewer = await chat.SignUpAsync("bob");
        var client = await chat.ConnectAsync(viewer);

        var error = await Assert.ThrowsAsync<HubException>(() => client.InvokeAsync("JoinChannel", "nobody", null));
        Assert.Contains("no channel named", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task BlockUser_Blocked_ListedOnJoin()
    {
        await using var chat = await ChatTestHost.StartAsync();
        using var owner = await chat.SignUpAsync("alice");
        using var viewer = await chat.SignUpAsync("bob");
        using var troll = await chat.SignUpAsync("troll");
        var (client, _) = await chat.JoinAsync("alice", viewer);

        var blockedId = await client.InvokeAsync("BlockUser", "troll");
        var (_, join) = await chat.JoinAsync("alice", viewer);

        Assert.Equal([blockedId.GetString()], join.GetProperty("me").GetProperty("blockedUserIds").EnumerateArray().Select(e => e.GetString()));
        await client.InvokeAsync("UnblockUser", "troll");
        var (_, after) = await chat.JoinAsync("alice", viewer);
        Assert.Equal(0, after.GetProperty("me").GetProperty("blockedUserIds").GetArrayLength());
        await Assert.ThrowsAsync<HubException>(() => client.InvokeAsync("BlockUser", "bob"));
    }
}
