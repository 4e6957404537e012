using Microsoft.AspNetCore.SignalR;
using Microsoft.EntityFrameworkCore;
using Spectra.Data;
using Spectra.Data.Entities.Community;
using static Spectra.IntegrationTests.Chat.ChatJson;

namespace Spectra.IntegrationTests.Chat;

public class ChatSettingsTests
{
    [Fact]
    public async Task SlowCommand_Owner_EveryClientSeesSettingsAndViewerIsSlowed()
    {
        await using var chat = await ChatTestHost.StartAsync();
        using var owner = await chat.SignUpAsync("alice");
        using var viewer = await chat.SignUpAsync("bob");
        var (ownerClient, _) = await chat.JoinAsync("alice", owner);
        var (viewerClient, _) = await chat.JoinAsync("alice", viewer);

        var command = await ownerClient.InvokeAsync("SendMessage", "alice", "/slow 10");
        Assert.Equal("command", Status(command));
        var settings = await viewerClient.WaitForAsync("settings");
        Assert.Equal(10, settings.Arguments[0].GetProperty("slowModeSeconds").GetInt32());

        Assert.Equal("posted", Status(await viewerClient.InvokeAsync("SendMessage", "alice", "one")));
        var second = await viewerClient.InvokeAsync("SendMessage", "alice", "two");
        Assert.Equal("slowMode", Code(second));
        Assert.InRange(second.GetProperty("retryAfterMs").GetInt64(), 1, 10_000);
        Assert.Contains("Slow mode", second.GetProperty("reason").GetString(), StringComparison.Ordinal);
        Assert.Equal("posted", Status(await ownerClient.InvokeAsync("SendMessage", "alice", "owners are exempt")));
    }

    [Fact]
    public async Task SettingsCommand_Viewer_RefusedAndUnchanged()
    {
        await using var chat = await ChatTestHost.StartAsync();
        using var owner = await chat.SignUpAsync("alice");
        using var viewer = await chat.SignUpAsync("bob");
        var (viewerClient, _) = await chat.JoinAsync("alice", viewer);

        var result = await viewerClient.InvokeAsync("SendMessage", "alice", "/slow 10");
        Assert.Equal("commandFailed", Code(result));
        await Assert.ThrowsAsync<HubException>(() => viewerClient.InvokeAsync("UpdateSettings", "alice",
            new { chatEnabled = false, slowModeSeconds = 0, followersOnlyMinutes = (int?)null, emoteOnly = false, linksAllowed = false, maxMessageLength = 500 }));
        var (_, join) = await chat.JoinAsync("alice");
        Assert.Equal(0, join.GetProperty("settings").GetProperty("slowModeSeconds").GetInt32());
        Assert.True(join.GetProperty("settings").GetProperty("chatEnabled").GetBoolean());
    }

    [Fact]
    public async Task FollowersOnly_WithMinimumAge_OnlyOldEnoughFollowersWrite()
    {
        await using var chat = await ChatTestHost.StartAsync();
        using var owner = await chat.SignUpAsync("alice");
        using var stranger = await chat.SignUpAsync("bob");
        using var newFollower = await chat.SignUpAsync("carol");
        using var oldFollower = await chat.SignUpAsync("dave");
        await using (var scope = chat.Host.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<SpectraDbContext>();
            var channelId = await db.Channels.Where(c => c.Owner.UserName == "alice").Select(c => c.Id).SingleAsync();
            var carol = await db.Users.Where(u => u.UserName == "carol").Select(u => u.Id).SingleAsync();
            var dave = await db.Users.Where(u => u.UserName == "dave").Select(u => u.Id).SingleAsync();
            db.Add(new Follow { FollowerId = carol, ChannelId = channelId, CreatedAt = DateTime.UtcNow.AddMinutes(-1) });
            db.Add(new Follow { FollowerId = dave, ChannelId = channelId, CreatedAt = DateTime.UtcNow.AddHours(-2) });
            await db.SaveChangesAsync();
        }

        var (ownerClient, _) = await chat.JoinAsync("alice", owner);
        Assert.Equal("command", Status(await ownerClient.InvokeAsync("SendMessage", "alice", "/followers 30")));

        var (bob, _) = await chat.JoinAsync("alice", stranger);
        var (carolClient, _) = await chat.JoinAsync("alice", newFollower);
        var (daveClient, _) = await chat.JoinAsync("alice", oldFollower);
        Assert.Equal("followersOnly", Code(await bob.InvokeAsync("SendMessage", "alice", "hi")));
        Assert.Equal("followAgeTooShort", Code(await carolClient.InvokeAsync("SendMessage", "alice", "hi")));
        Assert.Equal("posted", Status(await daveClient.InvokeAsync("SendMessage", "alice", "hi")));
    }

    [Fact]
    public async Task EmoteOnlyAndMaxLengthAndChatOff_ViewerRefusedWithReason()
    {
        await using var chat = await ChatTestHost.StartAsync();
        using var owner = await chat.SignUpAsync("alice");
        using var viewer = await chat.SignUpAsync("bob");
        var (ownerClient, _) = await chat.JoinAsync("alice", owner);
        var (bob, _) = await chat.JoinAsync("alice", viewer);

        await ownerClient.InvokeAsync("SendMessage", "alice", "/emoteonly on");
        Assert.Equal("emoteOnly", Code(await bob.InvokeAsync("SendMessage", "alice", "words")));
        Assert.Equal("posted", Status(await bob.InvokeAsync("SendMessage", "alice", ":heart: \U0001F525")));
        await ownerClient.InvokeAsync("SendMessage", "alice", "/emoteonly off");

        await ownerClient.InvokeAsync("SendMessage", "alice", "/maxlength 10");
        Assert.Equal("tooLong", Code(await bob.InvokeAsync("SendMessage", "alice", "12345678901")));
        Assert.Equal("tooLong", Code(await bob.InvokeAsync("SendMessage", "alice", new string('x', 501))));

        await ownerClient.InvokeAsync("SendMessage", "alice", "/chat off");
        Assert.Equal("chatDisabled", Code(await bob.InvokeAsync("SendMessage", "alice", "hello")));
        Assert.Equal("posted", Status(await ownerClient.InvokeAsync("SendMessage", "alice", "still me")));
    }

    [Fact]
    public async Task UpdateSettings_OutOfRange_ErrorAndUnchanged()
    {
        await using var chat = await ChatTestHost.StartAsync();
        using var owner = await chat.SignUpAsync("alice");
        var (ownerClient, _) = await chat.JoinAsync("alice", owner);

        var error = await Assert.ThrowsAsync<HubException>(() => ownerClient.InvokeAsync("UpdateSettings", "alice",
            new { chatEnabled = true, slowModeSeconds = 0, followersOnlyMinutes = (int?)null, emoteOnly = false, linksAllowed = false, maxMessageLength = 501 }));

        Assert.Contains("maximum message length", error.Message, StringComparison.Ordinal);
        var saved = await ownerClient.InvokeAsync("UpdateSettings", "alice",
            new { chatEnabled = true, slowModeSeconds = 5, followersOnlyMinutes = (int?)null, emoteOnly = false, linksAllowed = true, maxMessageLength = 200 });
        Assert.Equal(200, saved.GetProperty("maxMessageLength").GetInt32());
    }
}
