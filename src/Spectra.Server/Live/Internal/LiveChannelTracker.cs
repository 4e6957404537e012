using System.Collections.Concurrent;
using Spectra.Server.Engagement;
using Spectra.Server.Engagement.Events;
using Spectra.Server.Events;

namespace Spectra.Server.Live.Internal;

/// <summary>
/// Live sessions and viewer counts as the event bus reports them (so every node knows them once the bus is
/// shared): answers chat's "which session is this channel in" without a database query per message, and
/// gives live cards their viewer count.
/// </summary>
public sealed class LiveChannelTracker(IEventBus events) : IChatSessionResolver, IHostedService
{
    private readonly ConcurrentDictionary<Guid, Guid> _sessions = new();
    private readonly ConcurrentDictionary<Guid, int> _viewers = new();
    private readonly List<IDisposable> _subscriptions = [];

    public ValueTask<Guid?> GetLiveSessionAsync(Guid channelId, CancellationToken cancellationToken) =>
        ValueTask.FromResult(_sessions.TryGetValue(channelId, out var session) ? session : (Guid?)null);

    public int? GetViewers(Guid channelId) => _viewers.TryGetValue(channelId, out var viewers) ? viewers : null;

    public Task StartAsync(CancellationToken cancellationToken)
    {
        _subscriptions.Add(events.Subscribe<StreamOnline>((e, _) =>
        {
            if (e.StreamSessionId is { } session)
            {
                _sessions[e.ChannelId] = session;
            }

            return ValueTask.CompletedTask;
        }));
        _subscriptions.Add(events.Subscribe<StreamOffline>((e, ct) =>
        {
            _sessions.TryRemove(e.ChannelId, out _);
            _viewers.TryRemove(e.ChannelId, out _);
            return ValueTask.CompletedTask;
        }));
        _subscriptions.Add(events.Subscribe<ViewersChanged>((e, _) =>
        {
            _viewers[e.ChannelId] = e.Viewers;
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
