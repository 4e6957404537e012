using Spectra.Server.Chat.Contracts;
using Spectra.Server.Events;

namespace Spectra.Server.Chat.Internal.State;

/// <summary>
/// Which of this node's chat connections must not see whose messages: a signed-in user and anyone they block
/// or are blocked by never see each other's messages. Each signed-in connection carries its user's
/// blocked-either-way set (read once when it first joins, then kept current from
/// <see cref="UserBlockChanged"/>); only connections with a non-empty set are indexed per channel, so the
/// fan-out of a batch looks at those few, not at the whole audience. One lock: every operation is a few
/// dictionary steps, and the fan-out takes it once per batch, not per message.
/// </summary>
internal sealed class ChatAudience
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, Viewer> _connections = new(StringComparer.Ordinal);
    private readonly Dictionary<Guid, List<Viewer>> _byUser = [];
    private readonly Dictionary<Guid, Dictionary<string, Viewer>> _sensitiveByChannel = [];

    /// <summary>Whether the connection is registered (its user's blocks are followed).</summary>
    public bool IsRegistered(string connectionId)
    {
        lock (_gate)
        {
            return _connections.ContainsKey(connectionId);
        }
    }

    /// <summary>Starts following a signed-in connection's blocks; call before reading them from the database, so no change is lost.</summary>
    public void Register(string connectionId, Guid userId)
    {
        lock (_gate)
        {
            if (_connections.ContainsKey(connectionId))
            {
                return;
            }

            var viewer = new Viewer(connectionId, userId);
            _connections[connectionId] = viewer;
            if (!_byUser.TryGetValue(userId, out var list))
            {
                _byUser[userId] = list = [];
            }

            list.Add(viewer);
        }
    }

    /// <summary>Sets the blocked-either-way users read from the database (after <see cref="Register"/>).</summary>
    public void SetHidden(string connectionId, IReadOnlySet<Guid> hidden)
    {
        lock (_gate)
        {
            if (_connections.TryGetValue(connectionId, out var viewer))
            {
                viewer.Hidden.Clear();
                viewer.Hidden.UnionWith(hidden);
                Reindex(viewer);
            }
        }
    }

    /// <summary>A copy of the users whose messages the connection must not see (empty for anonymous connections).</summary>
    public HashSet<Guid> HiddenFor(string connectionId)
    {
        lock (_gate)
        {
            return _connections.TryGetValue(connectionId, out var viewer) ? [.. viewer.Hidden] : [];
        }
    }

    public void Join(string connectionId, Guid channelId)
    {
        lock (_gate)
        {
            if (_connections.TryGetValue(connectionId, out var viewer) && viewer.Channels.Add(channelId))
            {
                Reindex(viewer);
            }
        }
    }

    public void Leave(string connectionId, Guid channelId)
    {
        lock (_gate)
        {
            if (_connections.TryGetValue(connectionId, out var viewer) && viewer.Channels.Remove(channelId))
            {
                RemoveFromChannel(channelId, connectionId);
            }
        }
    }

    public void Disconnect(string connectionId)
    {
        lock (_gate)
        {
            if (!_connections.Remove(connectionId, out var viewer))
            {
                return;
            }

            if (_byUser.TryGetValue(viewer.UserId, out var list))
            {
                list.Remove(viewer);
                if (list.Count == 0)
                {
                    _byUser.Remove(viewer.UserId);
                }
            }

            foreach (var channelId in viewer.Channels)
            {
                RemoveFromChannel(channelId, connectionId);
            }
        }
    }

    public void Apply(UserBlockChanged change)
    {
        lock (_gate)
        {
            Update(change.UserA, change.UserB, change.BlockedEitherWay);
            Update(change.UserB, change.UserA, change.BlockedEitherWay);
        }
    }

    /// <summary>
    /// The connections in a channel that must not see some message of <paramref name="batch"/>, each with the
    /// batch as it may see it: those messages withheld (same id and sequence number, no sender, no text, so
    /// the client's gap detection stays quiet). Empty in the common case of no blocks among the audience.
    /// </summary>
    public List<(string ConnectionId, ChatMessageDto[] Batch)> Withholding(Guid channelId, ChatMessageDto[] batch)
    {
        var result = new List<(string, ChatMessageDto[])>();
        lock (_gate)
        {
            if (!_sensitiveByChannel.TryGetValue(channelId, out var sensitive))
            {
                return result;
            }

            foreach (var viewer in sensitive.Values)
            {
                ChatMessageDto[]? adjusted = null;
                for (var i = 0; i < batch.Length; i++)
                {
                    if (viewer.Hidden.Contains(batch[i].SenderId))
                    {
                        adjusted ??= (ChatMessageDto[])batch.Clone();
                        adjusted[i] = ChatMessageDto.Withheld(batch[i]);
                    }
                }

                if (adjusted is not null)
                {
                    result.Add((viewer.ConnectionId, adjusted));
                }
            }
        }

        return result;
    }

    private void Update(Guid userId, Guid other, bool hidden)
    {
        if (!_byUser.TryGetValue(userId, out var viewers))
        {
            return;
        }

        foreach (var viewer in viewers)
        {
            if (hidden)
            {
                viewer.Hidden.Add(other);
            }
            else
            {
                viewer.Hidden.Remove(other);
            }

            Reindex(viewer);
        }
    }

    private void Reindex(Viewer viewer)
    {
        foreach (var channelId in viewer.Channels)
        {
            if (viewer.Hidden.Count > 0)
            {
                if (!_sensitiveByChannel.TryGetValue(channelId, out var sensitive))
                {
                    _sensitiveByChannel[channelId] = sensitive = new(StringComparer.Ordinal);
                }

                sensitive[viewer.ConnectionId] = viewer;
            }
            else
            {
                RemoveFromChannel(channelId, viewer.ConnectionId);
            }
        }
    }

    private void RemoveFromChannel(Guid channelId, string connectionId)
    {
        if (_sensitiveByChannel.TryGetValue(channelId, out var sensitive) && sensitive.Remove(connectionId) && sensitive.Count == 0)
        {
            _sensitiveByChannel.Remove(channelId);
        }
    }

    /// <summary>One signed-in connection (guarded by the audience's lock).</summary>
    private sealed class Viewer(string connectionId, Guid userId)
    {
        public string ConnectionId { get; } = connectionId;

        public Guid UserId { get; } = userId;

        public HashSet<Guid> Hidden { get; } = [];

        public HashSet<Guid> Channels { get; } = [];
    }
}
