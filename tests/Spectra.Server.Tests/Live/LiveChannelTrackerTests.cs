using Microsoft.Extensions.Logging.Abstractions;
using Spectra.Server.Chat.Polls;
using Spectra.Server.Chat.Presence;
using Spectra.Server.Chat.Questions;
using Spectra.Server.Chat.Reactions;
using Spectra.Server.Events;
using Spectra.Server.Live.Internal;

namespace Spectra.Server.Tests.Live;

public sealed class LiveChannelTrackerTests
{
    private static readonly DateTime Noon = new(2026, 11, 21, 12, 0, 0, DateTimeKind.Utc);

    [Fact]
    public async Task GetLiveChannels_OnlineThenViewers_ReportsSessionAndCount()
    {
        var (bus, tracker) = await StartAsync();
        var channel = Guid.NewGuid();
        var session = Guid.NewGuid();

        await bus.PublishAsync(new StreamOnline(channel, "alice", session, Noon));
        await bus.PublishAsync(new ViewersChanged(channel, 7));

        var live = Assert.Single(tracker.GetLiveChannels());
        Assert.Equal((channel, (Guid?)session, Noon, 7, 7), (live.ChannelId, live.StreamSessionId, live.Since, live.Viewers, live.PeakViewers));
        Assert.True(tracker.TryGet(channel, out var one));
        Assert.Equal(7, one.Viewers);
        Assert.Equal(session, await tracker.GetLiveSessionAsync(channel, CancellationToken.None));
    }

    [Fact]
    public async Task PeakViewers_RiseAndFall_KeepsTheHighestSinceGoingLive()
    {
        var (bus, tracker) = await StartAsync();
        var channel = Guid.NewGuid();
        await bus.PublishAsync(new ViewersChanged(channel, 9));
        await bus.PublishAsync(new ViewersChanged(channel, 2));
        await bus.PublishAsync(new StreamOnline(channel, "alice", Guid.NewGuid(), Noon));

        await bus.PublishAsync(new ViewersChanged(channel, 5));
        await bus.PublishAsync(new ViewersChanged(channel, 3));

        var live = Assert.Single(tracker.GetLiveChannels());
        Assert.Equal((3, 5), (live.Viewers, live.PeakViewers));
    }

    [Fact]
    public async Task Viewers_WaitingBeforeGoingLive_CountedOnceLive()
    {
        var (bus, tracker) = await StartAsync();
        var channel = Guid.NewGuid();

        await bus.PublishAsync(new ViewersChanged(channel, 4));
        Assert.Empty(tracker.GetLiveChannels());
        await bus.PublishAsync(new StreamOnline(channel, "alice", Guid.NewGuid(), Noon));

        Assert.Equal(4, Assert.Single(tracker.GetLiveChannels()).Viewers);
    }

    [Fact]
    public async Task Viewers_DropToZero_Forgotten()
    {
        var (bus, tracker) = await StartAsync();
        var channel = Guid.NewGuid();
        await bus.PublishAsync(new StreamOnline(channel, "alice", Guid.NewGuid(), Noon));
        await bus.PublishAsync(new ViewersChanged(channel, 2));

        await bus.PublishAsync(new ViewersChanged(channel, 0));

        Assert.Equal(0, tracker.GetViewers(channel));
        Assert.Equal(0, Assert.Single(tracker.GetLiveChannels()).Viewers);
    }

    [Fact]
    public async Task Offline_OfAnEarlierSession_KeepsTheNewerSessionLive()
    {
        var (bus, tracker) = await StartAsync();
        var channel = Guid.NewGuid();
        var first = Guid.NewGuid();
        var second = Guid.NewGuid();
        await bus.PublishAsync(new StreamOnline(channel, "alice", first, Noon));
        await bus.PublishAsync(new StreamOnline(channel, "alice", second, Noon.AddMinutes(1)));

        await bus.PublishAsync(new StreamOffline(channel, "alice", first, Noon.AddMinutes(1)));
        Assert.True(tracker.TryGet(channel, out var live));
        Assert.Equal(second, live.StreamSessionId);

        await bus.PublishAsync(new StreamOffline(channel, "alice", second, Noon.AddMinutes(2)));
        Assert.False(tracker.TryGet(channel, out _));
        Assert.Null(await tracker.GetLiveSessionAsync(channel, CancellationToken.None));
    }

    private static async Task<(InProcessEventBus Bus, LiveChannelTracker Tracker)> StartAsync()
    {
        var bus = new InProcessEventBus(NullLogger<InProcessEventBus>.Instance);
        var tracker = new LiveChannelTracker(bus);
        await tracker.StartAsync(CancellationToken.None);
        return (bus, tracker);
    }
}
