using System.Collections.Concurrent;

namespace Spectra.Server.Engagement;

/// <summary>Connections watching each channel on this node (signed-in or not, one per connection).</summary>
internal sealed class PresenceTracker
{
    private readonly ConcurrentDictionary<Guid, ConcurrentDictionary<string, byte>> _channels = new();

    public void Join(Guid channelId, string connectionId) =>
        _channels.GetOrAdd(channelId, static _ => new ConcurrentDictionary<string, byte>(StringComparer.Ordinal)).TryAdd(connectionId, 0);

    public void Leave(Guid channelId, string connectionId)
    {
        if (_channels.TryGetValue(channelId, out var connections))
        {
            connections.TryRemove(connectionId, out _);
        }
    }

    public int Count(Guid channelId) => _channels.TryGetValue(channelId, out var connections) ? connections.Count : 0;

    /// <summary>Current counts of every channel seen so far (channels at zero included until <see cref="Prune"/>).</summary>
    public List<KeyValuePair<Guid, int>> Snapshot()
    {
        var result = new List<KeyValuePair<Guid, int>>(_channels.Count);
        foreach (var (channelId, connections) in _channels)
        {
            result.Add(new(channelId, connections.Count));
        }

        return result;
    }

    /// <summary>Forgets a channel whose count is zero.</summary>
    public void Prune(Guid channelId)
    {
        if (_channels.TryGetValue(channelId, out var connections) && connections.IsEmpty)
        {
            _channels.TryRemove(new KeyValuePair<Guid, ConcurrentDictionary<string, byte>>(channelId, connections));
        }
    }
}
