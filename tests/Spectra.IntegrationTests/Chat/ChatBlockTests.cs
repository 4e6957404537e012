using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Spectra.Data;
using Spectra.Data.Entities.Community;
using Spectra.IntegrationTests.Community;
using Spectra.Testing;
using Spectra.Testing.Chat;
using static Spectra.IntegrationTests.Chat.ChatJson;

namespace Spectra.IntegrationTests.Chat;

/// <summary>A block works both ways in chat: neither user sees the other's messages, live or in history.</summary>
public sealed class ChatBlockTests
{
    [Theory]
    [InlineData(DatabaseKind.Sqlite)]
    [InlineData(DatabaseKind.Postgres)]
    public async Task BlockUser_WhileJoined_NeitherSeesTheOtherButEveryoneElseSeesBoth(DatabaseKind database)
    {
        await using var chat = await ChatTestHost.StartAsync(database);
        using var alice = await chat.SignUpAsync("alice");
        using var bob = await chat.SignUpAsync("bob");
        using var carol = await chat.SignUpAsync("carol");
        var (aliceChat, _) = await chat.JoinAsync("alice", alice);
        var (bobChat, _) = await chat.JoinAsync("alice", bob);
        var (carolChat, _) = await chat.JoinAsync("alice", carol);

        await bobChat.InvokeAsync("BlockUser", "carol");
        await carolChat.InvokeAsync("SendMessage", "alice", "from carol");
        await bobChat.InvokeAsync("SendMessage", "alice", "from bob");

        // Alice sees both; each of the two gets the other's message withheld in place (same sequence number).
        var fromCarol = await WaitForMessageAsync(aliceChat, "from carol");
        var fromBob = await WaitForMessageAsync(aliceChat, "from bob");
        await WaitForMessageAsync(bobChat, "from bob");
        await WaitForMessageAsync(carolChat, "from carol");
        var withheldForBob = await WaitForSeqAsync(bobChat, fromCarol.GetProperty("seq").GetInt64());
        var withheldForCarol = await WaitForSeqAsync(carolChat, fromBob.GetProperty("seq").GetInt64());
        AssertWithheld(withheldForBob);
        AssertWithheld(withheldForCarol);
        Assert.DoesNotContain(Messages(bobChat), m => TextOf(m) == "from carol");
        Assert.DoesNotContain(Messages(carolChat), m => TextOf(m) == "from bob");

        // History on a new connection withholds the same messages; alice's history is whole.
        var (_, carolJoin) = await chat.JoinAsync("alice", carol);
        var carolHistory = carolJoin.GetProperty("messages").EnumerateArray().ToList();
        Assert.Equal(["from carol", ""], carolHistory.Select(TextOf));
        AssertWithheld(carolHistory[1]);
        var (_, aliceJoin) = await chat.JoinAsync("alice", alice);
        Assert.Equal(["from carol", "from bob"], aliceJoin.GetProperty("messages").EnumerateArray().Select(TextOf));

        // Unblocked: they see each other again, live and in history.
        await bobChat.InvokeAsync("UnblockUser", "carol");
        await carolChat.InvokeAsync("SendMessage", "alice", "hello again");
        await WaitForMessageAsync(bobChat, "hello again");
        var (_, bobJoin) = await chat.JoinAsync("alice", bob);
        Assert.Equal(["from carol", "from bob", "hello again"], bobJoin.GetProperty("messages").EnumerateArray().Select(TextOf));
    }

    [Theory]
    [InlineData(DatabaseKind.Sqlite)]
    [InlineData(DatabaseKind.Postgres)]
    public async Task BlockThroughApi_ReachesOpenChatsAndSeversFollows(DatabaseKind database)
    {
        await using var chat = await ChatTestHost.StartAsync(database);
        using var alice = await chat.SignUpAsync("alice");
        using var bob = await chat.SignUpAsync("bob");
        using var carol = await chat.SignUpAsync("carol");
        Assert.True((await carol.PutAsync("/api/v1/channels/bob/follow", null)).IsSuccessStatusCode);
        Assert.True((await bob.PutAsync("/api/v1/channels/carol/follow", null)).IsSuccessStatusCode);
        var (aliceChat, _) = await chat.JoinAsync("alice", alice);
        var (carolChat, _) = await chat.JoinAsync("alice", carol);

        // Carol blocks bob from the community API while both chats are open; bob joins afterwards.
        Assert.True((await carol.PutAsync("/api/v1/users/bob/block", null)).IsSuccessStatusCode);
        var (bobChat, _) = await chat.JoinAsync("alice", bob);
        await bobChat.InvokeAsync("SendMessage", "alice", "can you hear me");
        var sent = await WaitForMessageAsync(aliceChat, "can you hear me");
        AssertWithheld(await WaitForSeqAsync(carolChat, sent.GetProperty("seq").GetInt64()));

        await carolChat.InvokeAsync("SendMessage", "alice", "quiet now");
        var quiet = await WaitForMessageAsync(aliceChat, "quiet now");
        AssertWithheld(await WaitForSeqAsync(bobChat, quiet.GetProperty("seq").GetInt64()));

        await using var scope = chat.Host.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<SpectraDbContext>();
        var channels = await db.Channels.Where(c => c.Owner.UserName == "bob" || c.Owner.UserName == "carol").Select(c => c.Id).ToListAsync();
        var follows = await db.Set<Follow>().CountAsync(f => channels.Contains(f.ChannelId));
        Assert.Equal(0, follows);
        var following = await bob.GetFromJsonAsync<JsonElement>("/api/v1/me/following");
        Assert.DoesNotContain("carol", following.ToString(), StringComparison.Ordinal);
    }

    private static async Task<JsonElement> WaitForSeqAsync(ChatHubClient client, long seq)
    {
        var invocation = await client.WaitForAsync("messages", i => i.Arguments[0].EnumerateArray().Any(m => m.GetProperty("seq").GetInt64() == seq));
        return invocation.Arguments[0].EnumerateArray().First(m => m.GetProperty("seq").GetInt64() == seq);
    }

    private static void AssertWithheld(JsonElement message)
    {
        Assert.Equal(0, message.GetProperty("segments").GetArrayLength());
        Assert.Equal("", message.GetProperty("senderName").GetString());
        Assert.Equal(Guid.Empty, message.GetProperty("senderId").GetGuid());
    }
}
