using System.Collections.Concurrent;
using Spectra.Server.Events;

namespace Spectra.Server.Community.Internal.Live;

/// <summary>
/// Default <see cref="ILiveChannelDirectory"/>: live set from StreamOnline/StreamOffline events,
/// viewers = distinct viewer keys with a heartbeat in the last <see cref="CommunityOptions.PresenceWindowSeconds"/>.
/// Thread-safe; reads are lock-free snapshots.
/// </summary>
public sealed class LiveChannelRegistry(TimeProvider clock, Microsoft.Extensions.Options.IOptions<CommunityOptions> options)
    : ILiveChannelDirectory, IViewerPresence
{
    private readonly ConcurrentDictionary<Guid, LiveChannel> _live = new();
    private readonly ConcurrentDictionary<Guid, ConcurrentDictionary<string, DateTime>> _viewers = new();
    private readonly TimeSpan _window = TimeSpan.FromSeconds(options.Value.PresenceWindowSeconds);

    public IReadOnlyCollection<LiveChannel> GetLiveChannels()
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var result = new List<LiveChannel>(_live.Count);
        foreach (var live in _live.Values)
        {
            result.Add(live with { Viewers = CountViewers(live.ChannelId, now) });
        }

        return result;
    }

    public bool TryGet(Guid channelId, out LiveChannel live)
    {
        if (_live.TryGetValue(channelId, out var found))
        {
            live = found with { Viewers = CountViewers(channelId, clock.GetUtcNow().UtcDateTime) };
            return true;
        }

        live = null!;
        return false;
    }

    public void Seen(Guid channelId, string viewerKey, DateTime at)
    {
        _viewers.GetOrAdd(channelId, static _ => new ConcurrentDictionary<string, DateTime>())[viewerKey] = at;
    }

    public void Online(StreamOnline evt) =>
        _live[evt.ChannelId] = new LiveChannel(evt.ChannelId, evt.StreamSessionId, evt.At, 0);

    public void Offline(StreamOffline evt)
    {
        _live.TryRemove(evt.ChannelId, out _);
        _viewers.TryRemove(evt.ChannelId, out _);
    }

    private int CountViewers(Guid channelId, DateTime now)
    {
        if (!_viewers.TryGetValue(channelId, out var seen))
        {
            return 0;
        }

        var count = 0;
        foreach (var (key, at) in seen)
        {
            if (now - at <= _window)
            {
                count++;
            }
            else
            {
                seen.TryRemove(key, out _);
            }
        }

        return count;
    }
}
