using Microsoft.AspNetCore.SignalR;
using Microsoft.EntityFrameworkCore;
using Spectra.Data;
using Spectra.Data.Entities.Chat;
using Spectra.Testing;
using static Spectra.IntegrationTests.Chat.ChatJson;

namespace Spectra.IntegrationTests.Chat;

public class ChatModerationTests
{
    [Theory]
    [InlineData(DatabaseKind.Sqlite)]
    [InlineData(DatabaseKind.Postgres)]
    public async Task DeleteMessage_AppointedModerator_RemovedForEveryoneAndLogged(DatabaseKind database)
    {
        await using var chat = await ChatTestHost.StartAsync(database);
        using var owner = await chat.SignUpAsync("alice");
        using var moderator = await chat.SignUpAsync("mia");
        using var viewer = await chat.SignUpAsync("bob");
        var (ownerClient, _) = await chat.JoinAsync("alice", owner);
        Assert.Equal("command", Status(await ownerClient.InvokeAsync("SendMessage", "alice", "/mod mia")));
        var (modClient, modJoin) = await chat.JoinAsync("alice", moderator);
        var (bob, _) = await chat.JoinAsync("alice", viewer);
        var (reader, _) = await chat.JoinAsync("alice");
        Assert.True(modJoin.GetProperty("me").GetProperty("canModerate").GetBoolean());

        var id = (await bob.InvokeAsync("SendMessage", "alice", "rude")).GetProperty("message").GetProperty("id").GetString();
        await Assert.ThrowsAsync<HubException>(() => bob.InvokeAsync("DeleteMessage", "alice", id, null));
        await modClient.InvokeAsync("DeleteMessage", "alice", id, "rude words");

        var deleted = await reader.WaitForAsync("messagesDeleted");
        Assert.Equal(id, deleted.Arguments[0].GetProperty("messageIds")[0].GetString());
        await bob.WaitForAsync("messagesDeleted");
        var (_, join) = await chat.JoinAsync("alice");
        Assert.DoesNotContain(join.GetProperty("messages").EnumerateArray(), m => TextOf(m) == "rude");

        await using var scope = chat.Host.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<SpectraDbContext>();
        var log = await db.ModerationLog.AsNoTracking().OrderBy(e => e.CreatedAt).ToListAsync();
        Assert.Contains(log, e => e.Action == "mod" && e.ActorName == "alice" && e.TargetName == "mia");
        Assert.Contains(log, e => e.Action == "delete" && e.ActorName == "mia" && e.TargetName == "bob" && e.Reason == "rude words" && e.Details == "rude");
    }

    [Fact]
    public async Task TimeoutUser_TimedOut_CannotSendReactOrAskUntilLifted()
    {
        await using var chat = await ChatTestHost.StartAsync();
        using var owner = await chat.SignUpAsync("alice");
        using var viewer = await chat.SignUpAsync("bob");
        var (ownerClient, _) = await chat.JoinAsync("alice", owner);
        var (bob, _) = await chat.JoinAsync("alice", viewer);
        await bob.InvokeAsync("SendMessage", "alice", "spam");

        await ownerClient.InvokeAsync("TimeoutUser", "alice", "bob", 600, "spam");

        var hidden = await ownerClient.WaitForAsync("messagesDeleted", i => i.Arguments[0].GetProperty("userId").ValueKind == System.Text.Json.JsonValueKind.String);
        Assert.Equal(1, hidden.Arguments[0].GetProperty("messageIds").GetArrayLength());
        var refused = await bob.InvokeAsync("SendMessage", "alice", "again");
        Assert.Equal("timedOut", Code(refused));
        Assert.InRange(refused.GetProperty("retryAfterMs").GetInt64(), 590_000, 600_000);
        await Assert.ThrowsAsync<HubException>(() => bob.InvokeAsync("React", "alice", "heart"));
        await Assert.ThrowsAsync<HubException>(() => bob.InvokeAsync("AskQuestion", "alice", "why?"));

        await ownerClient.InvokeAsync("SendMessage", "alice", "/untimeout bob");
        Assert.Equal("posted", Status(await bob.InvokeAsync("SendMessage", "alice", "sorry")));
    }

    [Fact]
    public async Task BanUser_BannedThenUnbanned_RefusedThenAllowed()
    {
        await using var chat = await ChatTestHost.StartAsync();
        using var owner = await chat.SignUpAsync("alice");
        using var viewer = await chat.SignUpAsync("bob");
        var (ownerClient, _) = await chat.JoinAsync("alice", owner);
        var (bob, _) = await chat.JoinAsync("alice", viewer);

        await ownerClient.InvokeAsync("BanUser", "alice", "bob", "abuse");
        Assert.Equal("banned", Code(await bob.InvokeAsync("SendMessage", "alice", "let me in")));
        var (bobAgain, _) = await chat.JoinAsync("alice", viewer);
        Assert.Equal("banned", Code(await bobAgain.InvokeAsync("SendMessage", "alice", "new connection")));

        await ownerClient.InvokeAsync("UnbanUser", "alice", "bob");
        Assert.Equal("posted", Status(await bob.InvokeAsync("SendMessage", "alice", "thanks")));
    }

    [Fact]
    public async Task BanUser_TargetsOwnerOrSelf_Refused()
    {
        await using var chat = await ChatTestHost.StartAsync();
        using var owner = await chat.SignUpAsync("alice");
        using var moderator = await chat.SignUpAsync("mia");
        var (ownerClient, _) = await chat.JoinAsync("alice", owner);
        await ownerClient.InvokeAsync("SendMessage", "alice", "/mod mia");
        var (modClient, _) = await chat.JoinAsync("alice", moderator);

        await Assert.ThrowsAsync<HubException>(() => modClient.InvokeAsync("BanUser", "alice", "alice", null));
        await Assert.ThrowsAsync<HubException>(() => modClient.InvokeAsync("BanUser", "alice", "mia", null));
        await Assert.ThrowsAsync<HubException>(() => modClient.InvokeAsync("BanUser", "alice", "siteadmin", null));
        await Assert.ThrowsAsync<HubException>(() => modClient.InvokeAsync("BanUser", "alice", "nobody", null));
    }

    [Fact]
    public async Task SiteAdmin_AnyChannel_CanModerate()
    {
        await using var chat = await ChatTestHost.StartAsync();
        using var owner = await chat.SignUpAsync("alice");
        using var viewer = await chat.SignUpAsync("bob");
        var (adminClient, join) = await chat.JoinAsync("alice", chat.Admin);
        var (bob, _) = await chat.JoinAsync("alice", viewer);
        Assert.Equal(["admin"], join.GetProperty("me").GetProperty("badges").EnumerateArray().Select(b => b.GetString()));

        var id = (await bob.InvokeAsync("SendMessage", "alice", "hmm")).GetProperty("message").GetProperty("id").GetString();
        await adminClient.InvokeAsync("DeleteMessage", "alice", id, null);
        await adminClient.InvokeAsync("TimeoutUser", "alice", "bob", 60, null);
        Assert.Equal("command", Status(await adminClient.InvokeAsync("SendMessage", "alice", "/mod bob")));
        Assert.Equal("admin", (await adminClient.InvokeAsync("SendMessage", "alice", "hello")).GetProperty("message").GetProperty("badges")[0].GetString());
    }

    [Fact]
    public async Task BlockedTerms_RejectAndHold_HeldMessagePublishedOnlyAfterApproval()
    {
        await using var chat = await ChatTestHost.StartAsync();
        using var owner = await chat.SignUpAsync("alice");
        using var viewer = await chat.SignUpAsync("bob");
        var (ownerClient, _) = await chat.JoinAsync("alice", owner);
        var (bob, _) = await chat.JoinAsync("alice", viewer);
        await using (var scope = chat.Host.CreateScope())
        {
            var service = scope.ServiceProvider.GetRequiredService<Spectra.Server.Chat.ChatService>();
            var state = await service.GetChannelAsync("alice");
            var actor = new Spectra.Server.Chat.ChatActor(state.OwnerId, "alice", false);
            await service.AddBlockedTermAsync(actor, state, "badword", Spectra.Server.Chat.Internal.Text.BlockedTermAction.Reject);
            await service.AddBlockedTermAsync(actor, state, "spoiler", Spectra.Server.Chat.Internal.Text.BlockedTermAction.Hold);
        }

        Assert.Equal("blockedTerm", Code(await bob.InvokeAsync("SendMessage", "alice", "you B A D W O R D")));
        Assert.Equal("blockedTerm", Code(await bob.InvokeAsync("SendMessage", "alice", "b4dw0rd!")));
        Assert.Equal("posted", Status(await bob.InvokeAsync("SendMessage", "alice", "badwordy is fine")));
        var held = await bob.InvokeAsync("SendMessage", "alice", "SP0ILER: he dies");
        Assert.Equal("held", Status(held));

        Guid heldId;
        await using (var scope = chat.Host.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<SpectraDbContext>();
            var row = await db.ChatMessages.AsNoTracking().SingleAsync(m => m.State == ChatMessageState.Held);
            Assert.Null(row.Sequence);
            Assert.Equal("spoiler", row.HeldFor);
            heldId = row.Id;
        }

        Assert.DoesNotContain(Messages(ownerClient), m => TextOf(m).Contains("he dies", StringComparison.Ordinal));
        await ownerClient.InvokeAsync("ReviewHeldMessage", "alice", heldId, true);
        var published = await WaitForMessageAsync(bob, "SP0ILER: he dies");
        Assert.Equal(2, published.GetProperty("seq").GetInt64());
    }

    [Fact]
    public async Task ReportMessage_Viewer_QueuedOnceForReview()
    {
        await using var chat = await ChatTestHost.StartAsync();
        using var owner = await chat.SignUpAsync("alice");
        using var viewer = await chat.SignUpAsync("bob");
        using var reporter = await chat.SignUpAsync("carol");
        var (bob, _) = await chat.JoinAsync("alice", viewer);
        var (carol, _) = await chat.JoinAsync("alice", reporter);
        var id = (await bob.InvokeAsync("SendMessage", "alice", "offensive")).GetProperty("message").GetProperty("id").GetString();

        await carol.InvokeAsync("ReportMessage", "alice", id, "offensive");
        await carol.InvokeAsync("ReportMessage", "alice", id, "again");
        await Assert.ThrowsAsync<HubException>(() => carol.InvokeAsync("ReportMessage", "alice", Guid.NewGuid(), null));

        await using var scope = chat.Host.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<SpectraDbContext>();
        var report = await db.ChatReports.AsNoTracking().SingleAsync();
        Assert.Equal(Guid.Parse(id!), report.MessageId);
        Assert.Null(report.ResolvedAt);
    }
}
