using System.Collections.Concurrent;

namespace Spectra.Server.Chat.Presence;

/// <summary>
/// Viewers of each channel on this node: distinct viewer keys among the connections that joined it, so one
/// person with the channel page and the pop-out chat open counts once. A connection's key is the user for
/// signed-in viewers, else the anonymous viewer cookie when the browser has one, else the connection itself.
/// </summary>
internal sealed class PresenceTracker(Microsoft.Extensions.Options.IOptions<ChatOptions> options)
{
    private readonly ConcurrentDictionary<Guid, ChannelPresence> _channels = new();

    /// <param name="anonymousAddress">
    /// The client address of an anonymous viewer (null when signed in): one address adds at most
    /// <see cref="ChatOptions.MaxAnonymousViewersPerAddress"/> distinct anonymous viewers; beyond that its
    /// new viewer keys all count as one, so made-up viewer cookies cannot inflate the count.
    /// </param>
    public void Join(Guid channelId, string connectionId, string viewerKey, string? anonymousAddress = null)
    {
        var cap = options.Value.MaxAnonymousViewersPerAddress;
        while (!_channels.GetOrAdd(channelId, static _ => new ChannelPresence()).TryJoin(connectionId, viewerKey, anonymousAddress, cap))
        {
            // The instance was retired by Prune between the lookup and the join; the next lookup gets a new one.
        }
    }

    public void Leave(Guid channelId, string connectionId)
    {
        if (_channels.TryGetValue(channelId, out var presence))
        {
            presence.Leave(connectionId);
        }
    }

    /// <summary>Distinct viewers of the channel on this node.</summary>
    public int Count(Guid channelId) => _channels.TryGetValue(channelId, out var presence) ? presence.Count : 0;

    /// <summary>Current counts of every channel seen so far (channels at zero included until <see cref="Prune"/>).</summary>
    public List<KeyValuePair<Guid, int>> Snapshot()
    {
        var result = new List<KeyValuePair<Guid, int>>(_channels.Count);
        foreach (var (channelId, presence) in _channels)
        {
            result.Add(new(channelId, presence.Count));
        }

        return result;
    }

    /// <summary>Forgets a channel whose count is zero.</summary>
    public void Prune(Guid channelId)
    {
        if (_channels.TryGetValue(channelId, out var presence) && presence.TryRetire())
        {
            _channels.TryRemove(new KeyValuePair<Guid, ChannelPresence>(channelId, presence));
        }
    }

    private sealed class ChannelPresence
    {
        private readonly Dictionary<string, string> _connections = new(StringComparer.Ordinal);
        private readonly Dictionary<string, int> _viewers = new(StringComparer.Ordinal);

        // Distinct anonymous viewer keys counted per client address.
        private readonly Dictionary<string, HashSet<string>> _anonymousByAddress = new(StringComparer.Ordinal);
        private readonly Dictionary<string, string> _addressOfKey = new(StringComparer.Ordinal);
        private bool _retired;

        public int Count
        {
            get
            {
                lock (_connections)
                {
                    return _viewers.Count;
                }
            }
        }

        public bool TryJoin(string connectionId, string viewerKey, string? anonymousAddress, int perAddressCap)
        {
            lock (_connections)
            {
                if (_retired)
                {
                    return false;
                }

                if (anonymousAddress is not null && !_viewers.ContainsKey(viewerKey))
                {
                    var keys = _anonymousByAddress.TryGetValue(anonymousAddress, out var known) ? known : _anonymousByAddress[anonymousAddress] = new(StringComparer.Ordinal);
                    if (keys.Count >= perAddressCap)
                    {
                        viewerKey = "x:" + anonymousAddress;
                    }
                    else
                    {
                        keys.Add(viewerKey);
                        _addressOfKey[viewerKey] = anonymousAddress;
                    }
                }

                if (_connections.TryAdd(connectionId, viewerKey))
                {
                    _viewers[viewerKey] = _viewers.GetValueOrDefault(viewerKey) + 1;
                }

                return true;
            }
        }

        public void Leave(string connectionId)
        {
            lock (_connections)
            {
                if (_connections.Remove(connectionId, out var viewerKey))
                {
                    var left = _viewers[viewerKey] - 1;
                    if (left == 0)
                    {
                        _viewers.Remove(viewerKey);
                        if (_addressOfKey.Remove(viewerKey, out var address) && _anonymousByAddress.TryGetValue(address, out var keys))
                        {
                            keys.Remove(viewerKey);
                            if (keys.Count == 0)
                            {
                                _anonymousByAddress.Remove(address);
                            }
                        }
                    }
                    else
                    {
                        _viewers[viewerKey] = left;
                    }
                }
            }
        }

        /// <summary>Marks an empty instance retired (no more joins); false when someone is still here.</summary>
        public bool TryRetire()
        {
            lock (_connections)
            {
                _retired = _connections.Count == 0;
                return _retired;
            }
        }
    }
}
