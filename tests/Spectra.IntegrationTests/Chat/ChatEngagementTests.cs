using Microsoft.AspNetCore.SignalR;
using Microsoft.EntityFrameworkCore;
using Spectra.Data;
using Spectra.Server.Chat;
using Spectra.Server.Chat.Polls;
using Spectra.Server.Chat.Presence;
using Spectra.Server.Chat.Questions;
using Spectra.Server.Chat.Reactions;
using Spectra.Testing;
using Spectra.Testing.Chat;

namespace Spectra.IntegrationTests.Chat;

public class ChatEngagementTests
{
    private static readonly Dictionary<string, string?> FastSettings = new()
    {
        ["Chat:MethodLimits:React:Burst"] = "1000",
        // Every test connection comes from 127.0.0.1, so the per-address budget covers them all.
        ["Chat:AddressLimit:Burst"] = "5000",
        ["Chat:PresenceIntervalMilliseconds"] = "250",
    };

    [Theory]
    [InlineData(DatabaseKind.Sqlite)]
    [InlineData(DatabaseKind.Postgres)]
    public async Task React_ManyTaps_AggregatedIntoFewBurstsAndStoredPerSession(DatabaseKind database)
    {
        var session = Guid.NewGuid();
        await using var chat = await ChatTestHost.StartAsync(database, FastSettings,
            b => b.Services.AddSingleton<IChatSessionResolver>(new FixedSessionResolver(session)));
        using var owner = await chat.SignUpAsync("alice");
        using var viewer = await chat.SignUpAsync("bob");
        var (reader, _) = await chat.JoinAsync("alice");
        var (ownerClient, _) = await chat.JoinAsync("alice", owner);
        var (bob, _) = await chat.JoinAsync("alice", viewer);

        for (var i = 0; i < 150; i++)
        {
            await ownerClient.SendAsync("React", "alice", "heart");
            await bob.SendAsync("React", "alice", i % 2 == 0 ? "fire" : "heart");
        }

        await reader.WaitForAsync("reactions", _ => reader.ReceivedOf("reactions").Sum(r => r.Arguments[0].GetProperty("counts").EnumerateArray().Sum(c => c.GetInt32())) >= 300);
        var bursts = reader.ReceivedOf("reactions");
        var totals = new int[6];
        foreach (var burst in bursts)
        {
            var counts = burst.Arguments[0].GetProperty("counts").EnumerateArray().Select(c => c.GetInt32()).ToArray();
            for (var k = 0; k < 6; k++)
            {
                totals[k] += counts[k];
            }
        }

        Assert.Equal([225, 0, 75, 0, 0, 0], totals);
        Assert.True(bursts.Count < 30, $"{bursts.Count} bursts for 300 taps");

        await ((ReactionService)chat.Host.Services.GetServices<Microsoft.Extensions.Hosting.IHostedService>().Single(s => s is ReactionService)).FlushAsync(CancellationToken.None);
        await using var scope = chat.Host.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<SpectraDbContext>();
        var stored = await db.ReactionTotals.AsNoTracking().Where(r => r.StreamSessionId == session).ToListAsync();
        Assert.Equal(225, stored.Single(r => r.Kind == 0).Count);
        Assert.Equal(75, stored.Single(r => r.Kind == 2).Count);
        await Assert.ThrowsAsync<HubException>(() => bob.InvokeAsync("React", "alice", "nope"));
    }

    [Fact]
    public async Task Quiz_VotesChangedAndClosed_RevealsCorrectOptionAndWinnersAndStoresIt()
    {
        var session = Guid.NewGuid();
        await using var chat = await ChatTestHost.StartAsync(configure: b => b.Services.AddSingleton<IChatSessionResolver>(new FixedSessionResolver(session)));
        using var owner = await chat.SignUpAsync("alice");
        using var bobUser = await chat.SignUpAsync("bob");
        using var carolUser = await chat.SignUpAsync("carol");
        var (ownerClient, _) = await chat.JoinAsync("alice", owner);
        var (bob, _) = await chat.JoinAsync("alice", bobUser);
        var (carol, _) = await chat.JoinAsync("alice", carolUser);
        var (reader, _) = await chat.JoinAsync("alice");

        var poll = await ownerClient.InvokeAsync("StartPoll", "alice", new { question = "2+2?", options = new[] { "3", "4", "5" }, durationSeconds = 60, correctOption = 1 });
        var pollId = poll.GetProperty("id").GetString();
        Assert.True(poll.GetProperty("isOpen").GetBoolean());
        Assert.Equal(System.Text.Json.JsonValueKind.Null, poll.GetProperty("correctOption").ValueKind);
        await Assert.ThrowsAsync<HubException>(() => ownerClient.InvokeAsync("StartPoll", "alice", new { question = "again", options = new[] { "a", "b" }, durationSeconds = 60, correctOption = (int?)null }));

        await bob.InvokeAsync("Vote", "alice", pollId, 0);
        var changed = await bob.InvokeAsync("Vote", "alice", pollId, 1);
        await carol.InvokeAsync("Vote", "alice", pollId, 2);
        Assert.Equal([0, 1, 0], changed.GetProperty("counts").EnumerateArray().Select(c => c.GetInt32()));
        await Assert.ThrowsAsync<HubException>(() => carol.InvokeAsync("Vote", "alice", pollId, 7));
        await reader.WaitForAsync("poll", p => p.Arguments[0].GetProperty("totalVotes").GetInt32() == 2);

        var final = await ownerClient.InvokeAsync("EndPoll", "alice");

        Assert.False(final.GetProperty("isOpen").GetBoolean());
        Assert.Equal(1, final.GetProperty("correctOption").GetInt32());
        Assert.Equal(["bob"], final.GetProperty("correctVoters").EnumerateArray().Select(v => v.GetString()));
        var error = await Assert.ThrowsAsync<HubException>(() => carol.InvokeAsync("Vote", "alice", pollId, 1));
        Assert.Contains("closed", error.Message, StringComparison.Ordinal);
        await reader.WaitForAsync("poll", p => !p.Arguments[0].GetProperty("isOpen").GetBoolean());

        await using var scope = chat.Host.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<SpectraDbContext>();
        var stored = await db.Polls.AsNoTracking().Include(p => p.Votes).SingleAsync();
        Assert.Equal(session, stored.StreamSessionId);
        Assert.Equal("0,1,1", stored.Counts);
        Assert.Single(stored.Votes, v => v.IsCorrect);
    }

    [Theory]
    [InlineData("", 2, 60, null)]
    [InlineData("q", 1, 60, null)]
    [InlineData("q", 7, 60, null)]
    [InlineData("q", 2, 1, null)]
    [InlineData("q", 2, 60, 5)]
    public async Task StartPoll_InvalidDefinition_ErrorAndNothingStarted(string question, int optionCount, int duration, int? correct)
    {
        await using var chat = await ChatTestHost.StartAsync();
        using var owner = await chat.SignUpAsync("alice");
        var (ownerClient, _) = await chat.JoinAsync("alice", owner);

        await Assert.ThrowsAsync<HubException>(() => ownerClient.InvokeAsync("StartPoll", "alice",
            new { question, options = Enumerable.Range(0, optionCount).Select(i => $"o{i}").ToArray(), durationSeconds = duration, correctOption = correct }));

        var (_, join) = await chat.JoinAsync("alice");
        Assert.Equal(System.Text.Json.JsonValueKind.Null, join.GetProperty("poll").ValueKind);
    }

    [Fact]
    public async Task StartPoll_Viewer_Refused()
    {
        await using var chat = await ChatTestHost.StartAsync();
        using var owner = await chat.SignUpAsync("alice");
        using var viewer = await chat.SignUpAsync("bob");
        var (bob, _) = await chat.JoinAsync("alice", viewer);

        await Assert.ThrowsAsync<HubException>(() => bob.InvokeAsync("StartPoll", "alice", new { question = "q", options = new[] { "a", "b" }, durationSeconds = 60, correctOption = (int?)null }));
        await Assert.ThrowsAsync<HubException>(() => bob.InvokeAsync("StartPoll", "alice", null));
    }

    [Fact]
    public async Task Questions_AskUpvoteMark_CountedOnceAndOwnerMarks()
    {
        await using var chat = await ChatTestHost.StartAsync();
        using var owner = await chat.SignUpAsync("alice");
        using var bobUser = await chat.SignUpAsync("bob");
        using var carolUser = await chat.SignUpAsync("carol");
        var (ownerClient, _) = await chat.JoinAsync("alice", owner);
        var (bob, _) = await chat.JoinAsync("alice", bobUser);
        var (carol, _) = await chat.JoinAsync("alice", carolUser);

        var question = await bob.InvokeAsync("AskQuestion", "alice", "What camera do you use?");
        var id = question.GetProperty("id").GetString();
        await carol.InvokeAsync("UpvoteQuestion", "alice", id);
        var twice = await carol.InvokeAsync("UpvoteQuestion", "alice", id);
        Assert.Equal(1, twice.GetProperty("upvotes").GetInt32());
        await Assert.ThrowsAsync<HubException>(() => carol.InvokeAsync("MarkQuestion", "alice", id, "pinned"));
        await Assert.ThrowsAsync<HubException>(() => bob.InvokeAsync("AskQuestion", "alice", new string('?', 301)));

        var pinned = await ownerClient.InvokeAsync("MarkQuestion", "alice", id, "pinned");
        Assert.True(pinned.GetProperty("isPinned").GetBoolean());
        var answered = await ownerClient.InvokeAsync("MarkQuestion", "alice", id, "answered");
        Assert.Equal("answered", answered.GetProperty("state").GetString());
        await bob.WaitForAsync("question", q => q.Arguments[0].GetProperty("state").GetString() == "answered");
        var (_, join) = await chat.JoinAsync("alice");
        Assert.Equal("answered", join.GetProperty("questions")[0].GetProperty("state").GetString());
    }

    [Fact]
    public async Task Presence_SameViewerTwiceAndOverlay_CountedAsDistinctViewers()
    {
        await using var chat = await ChatTestHost.StartAsync();
        using var owner = await chat.SignUpAsync("alice");
        using var bob = await chat.SignUpAsync("bob");

        var (_, first) = await chat.JoinAsync("alice");
        Assert.Equal(1, first.GetProperty("viewers").GetInt32());

        // Bob with the channel page and the pop-out chat open is one viewer.
        await chat.JoinAsync("alice", bob);
        var (_, bobAgain) = await chat.JoinAsync("alice", bob);
        Assert.Equal(2, bobAgain.GetProperty("viewers").GetInt32());

        // So is an anonymous browser with two tabs (the viewer cookie identifies it).
        var cookies = new System.Net.CookieContainer();
        cookies.Add(chat.Host.BaseAddress, new System.Net.Cookie("spectra_viewer", new string('a', 32)));
        await using var tab1 = await ChatHubClient.ConnectAsync(chat.HubUri, cookies);
        await using var tab2 = await ChatHubClient.ConnectAsync(chat.HubUri, cookies);
        await tab1.InvokeAsync("JoinChannel", "alice", null);
        var tabJoin = await tab2.InvokeAsync("JoinChannel", "alice", null);
        Assert.Equal(3, tabJoin.GetProperty("viewers").GetInt32());

        // The OBS overlay reads the chat but is not a viewer.
        await using var overlay = await ChatHubClient.ConnectAsync(new Uri(chat.Host.BaseAddress, "/hubs/chat?role=overlay"));
        var overlayJoin = await overlay.InvokeAsync("JoinChannel", "alice", null);
        Assert.Equal(3, overlayJoin.GetProperty("viewers").GetInt32());

        await tab1.DisposeAsync();
        var (_, afterTab) = await chat.JoinAsync("alice", bob);
        Assert.Equal(3, afterTab.GetProperty("viewers").GetInt32());
    }

    [Fact]
    public async Task Presence_ConnectionsJoinAndLeave_ViewerCountPushed()
    {
        var session = Guid.NewGuid();
        await using var chat = await ChatTestHost.StartAsync(settings: FastSettings,
            configure: b => b.Services.AddSingleton<IChatSessionResolver>(new FixedSessionResolver(session)));
        using var owner = await chat.SignUpAsync("alice");
        var (watcher, _) = await chat.JoinAsync("alice");
        var (second, _) = await chat.JoinAsync("alice");
        var (third, _) = await chat.JoinAsync("alice", owner);

        await watcher.WaitForAsync("viewers", v => v.Arguments[0].GetInt32() == 3);
        await second.DisposeAsync();
        await third.DisposeAsync();
        await watcher.WaitForAsync("viewers", v => v.Arguments[0].GetInt32() == 1);

        await using var scope = chat.Host.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<SpectraDbContext>();
        var deadline = DateTime.UtcNow.AddSeconds(20);
        Spectra.Data.Entities.Chat.ChatSessionStats? stats = null;
        while (stats is null && DateTime.UtcNow < deadline)
        {
            stats = await db.ChatSessionStats.AsNoTracking().FirstOrDefaultAsync(s => s.StreamSessionId == session);
            if (stats is null)
            {
                // Samples are written every tenth presence tick; poll the table, bounded by the deadline.
                await Task.Delay(250);
            }
        }

        Assert.NotNull(stats);
        Assert.Equal(3, stats.PeakViewers);
        Assert.InRange(stats.AverageViewers, 1, 3);
    }

    [Fact]
    public async Task SendMessage_OpenStreamSessionRow_StoredWithThatSession()
    {
        // The fallback resolver (used when no live area registers one) reads StreamSession rows.
        await using var chat = await ChatTestHost.StartAsync(configure: b =>
            b.Services.AddSingleton<IChatSessionResolver, Spectra.Server.Chat.Internal.State.StreamSessionChatResolver>());
        using var owner = await chat.SignUpAsync("alice");
        var session = Guid.NewGuid();
        await using (var scope = chat.Host.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<SpectraDbContext>();
            var channelId = await db.Channels.Where(c => c.Owner.UserName == "alice").Select(c => c.Id).SingleAsync();
            db.StreamSessions.Add(new Spectra.Data.Entities.Live.StreamSession { Id = session, ChannelId = channelId, StartedAt = DateTime.UtcNow });
            await db.SaveChangesAsync();
        }

        var (client, _) = await chat.JoinAsync("alice", owner);
        await client.InvokeAsync("SendMessage", "alice", "live now");

        await using var check = chat.Host.CreateScope();
        var stored = await check.ServiceProvider.GetRequiredService<SpectraDbContext>().ChatMessages.AsNoTracking().SingleAsync();
        Assert.Equal(session, stored.StreamSessionId);
    }
}
