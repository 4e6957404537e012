using System.Collections.Concurrent;
using Spectra.Server.Chat;
using Spectra.Server.Chat.Presence;
using Spectra.Server.Community;
using Spectra.Server.Events;

namespace Spectra.Server.Live.Internal;

/// <summary>
/// Live channels and their viewer counts as the event bus reports them (so every node knows them once the bus
/// is shared). It is the platform's <see cref="ILiveChannelDirectory"/>: discovery, search and analytics read
/// live state here without a database query. Viewers are the chat area's presence count (connections with the
/// channel page open), published as <see cref="ViewersChanged"/> whenever it changes; the count is kept while
/// the channel is offline too, so a channel that goes live with viewers waiting shows them at once.
/// </summary>
internal sealed class LiveChannelTracker(IEventBus events) : ILiveChannelDirectory, IChatSessionResolver, IHostedService
{
    private readonly ConcurrentDictionary<Guid, LiveChannel> _live = new();
    private readonly ConcurrentDictionary<Guid, int> _viewers = new();
    private readonly List<IDisposable> _subscriptions = [];

    public ValueTask<Guid?> GetLiveSessionAsync(Guid channelId, CancellationToken cancellationToken) =>
        ValueTask.FromResult(_live.TryGetValue(channelId, out var live) ? live.StreamSessionId : null);

    /// <summary>Current viewers of a channel (0 when no one has its page open).</summary>
    public int GetViewers(Guid channelId) => _viewers.TryGetValue(channelId, out var viewers) ? viewers : 0;

    public IReadOnlyCollection<LiveChannel> GetLiveChannels()
    {
        var result = new List<LiveChannel>(_live.Count);
        foreach (var live in _live.Values)
        {
            result.Add(live with { Viewers = GetViewers(live.ChannelId) });
        }

        return result;
    }

    public bool TryGet(Guid channelId, out LiveChannel live)
    {
        if (_live.TryGetValue(channelId, out var found))
        {
            live = found with { Viewers = GetViewers(channelId) };
            return true;
        }

        live = null!;
        return false;
    }

    public Task StartAsync(CancellationToken cancellationToken)
    {
        _subscriptions.Add(events.Subscribe<StreamOnline>((e, _) =>
        {
            var waiting = GetViewers(e.ChannelId);
            _live[e.ChannelId] = new LiveChannel(e.ChannelId, e.StreamSessionId, e.At, waiting, waiting);
            return ValueTask.CompletedTask;
        }));
        _subscriptions.Add(events.Subscribe<StreamOffline>((e, _) =>
        {
            // Only the session this event ends: a late offline must not take down a newer session.
            if (_live.TryGetValue(e.ChannelId, out var live) && (e.StreamSessionId is null || live.StreamSessionId is null || live.StreamSessionId == e.StreamSessionId))
            {
                _live.TryRemove(new KeyValuePair<Guid, LiveChannel>(e.ChannelId, live));
            }

            return ValueTask.CompletedTask;
        }));
        _subscriptions.Add(events.Subscribe<ViewersChanged>((e, ct) =>
        {
            if (e.Viewers > 0)
            {
                _viewers[e.ChannelId] = e.Viewers;
            }
            else
            {
                _viewers.TryRemove(e.ChannelId, out _);
            }

            // Handlers of one bus run one after another, so this read-modify-write does not race another update.
            if (_live.TryGetValue(e.ChannelId, out var live) && e.Viewers > live.PeakViewers)
            {
                _live[e.ChannelId] = live with { PeakViewers = e.Viewers };
            }

            return ValueTask.CompletedTask;
        }));
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken)
    {
        foreach (var subscription in _subscriptions)
        {
            subscription.Dispose();
        }

        _subscriptions.Clear();
        return Task.CompletedTask;
    }
}
