using System.Collections.Concurrent;
using System.Collections.Frozen;
using Microsoft.EntityFrameworkCore;
using Spectra.Data;
using Spectra.Server.Chat.Internal.Rules;
using Spectra.Server.Chat.Internal.Text;

namespace Spectra.Server.Chat.Internal.State;

/// <summary>
/// Per-node cache of <see cref="ChannelChatState"/> snapshots, loaded from the database on
/// first use and dropped when a change is announced on the event bus. Also keeps each user's
/// last message time per channel for slow mode.
/// </summary>
internal sealed class ChatStateStore(IServiceScopeFactory scopes, TimeProvider time)
{
    private readonly ConcurrentDictionary<Guid, Lazy<Task<ChannelChatState?>>> _states = new();
    private readonly ConcurrentDictionary<string, Guid> _channelIds = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<(Guid Channel, Guid User), DateTime> _lastMessages = new();

    /// <summary>The state of the channel named <paramref name="channelName"/> (case-insensitive), or null if there is none.</summary>
    public async ValueTask<ChannelChatState?> FindAsync(string? channelName)
    {
        if (string.IsNullOrWhiteSpace(channelName) || channelName.Length > 64)
        {
            return null;
        }

        var normalized = channelName.Trim().ToUpperInvariant();
        if (!_channelIds.TryGetValue(normalized, out var channelId))
        {
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<SpectraDbContext>();
            var found = await db.Channels.AsNoTracking()
                .Where(c => c.Owner.NormalizedUserName == normalized)
                .Select(c => (Guid?)c.Id)
                .FirstOrDefaultAsync();
            if (found is null)
            {
                return null;
            }

            channelId = found.Value;
            _channelIds[normalized] = channelId;
        }

        return await GetAsync(channelId);
    }

    /// <summary>The state of channel <paramref name="channelId"/>, or null if it does not exist.</summary>
    public Task<ChannelChatState?> GetAsync(Guid channelId)
    {
        var lazy = _states.GetOrAdd(channelId, id => new Lazy<Task<ChannelChatState?>>(() => LoadAsync(id)));
        var task = lazy.Value;
        if (task.IsFaulted || (task.IsCompletedSuccessfully && task.Result is null))
        {
            _states.TryRemove(new KeyValuePair<Guid, Lazy<Task<ChannelChatState?>>>(channelId, lazy));
        }

        return task;
    }

    /// <summary>Drops the cached snapshot; the next use reloads it.</summary>
    public void Invalidate(Guid channelId) => _states.TryRemove(channelId, out _);

    /// <summary>
    /// Atomically checks slow mode and records a message time: returns the previous message
    /// time through <paramref name="evaluate"/> and records <paramref name="nowUtc"/> only when
    /// it returns true.
    /// </summary>
    public bool TryRecordMessage(Guid channelId, Guid userId, DateTime nowUtc, Func<DateTime?, bool> evaluate)
    {
        var key = (channelId, userId);
        while (true)
        {
            if (_lastMessages.TryGetValue(key, out var previous))
            {
                if (!evaluate(previous))
                {
                    return false;
                }

                if (_lastMessages.TryUpdate(key, nowUtc, previous))
                {
                    return true;
                }
            }
            else
            {
                if (!evaluate(null))
                {
                    return false;
                }

                if (_lastMessages.TryAdd(key, nowUtc))
                {
                    return true;
                }
            }
        }
    }

    /// <summary>Forgets a recorded message time (the message was not posted after all).</summary>
    public void ForgetMessage(Guid channelId, Guid userId, DateTime recordedUtc) =>
        _lastMessages.TryRemove(new KeyValuePair<(Guid, Guid), DateTime>((channelId, userId), recordedUtc));

    /// <summary>Drops slow-mode entries older than an hour (slow mode is at most an hour).</summary>
    public void Sweep()
    {
        var cutoff = time.GetUtcNow().UtcDateTime.AddSeconds(-ChatRules.MaxSlowModeSeconds);
        foreach (var (key, at) in _lastMessages)
        {
            if (at < cutoff)
            {
                _lastMessages.TryRemove(new KeyValuePair<(Guid, Guid), DateTime>(key, at));
            }
        }
    }

    private async Task<ChannelChatState?> LoadAsync(Guid channelId)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<SpectraDbContext>();
        var channel = await db.Channels.AsNoTracking()
            .Where(c => c.Id == channelId)
            .Select(c => new { c.Id, c.OwnerId, c.Owner.UserName })
            .FirstOrDefaultAsync();
        if (channel is null)
        {
            return null;
        }

        var settings = await ChatSettingsRows.GetOrCreateAsync(db, channelId, time.GetUtcNow().UtcDateTime);
        var terms = await db.ChatBlockedTerms.AsNoTracking().Where(t => t.ChannelId == channelId)
            .Select(t => new { t.Term, t.Action }).ToListAsync();
        var moderators = await db.ChatModerators.AsNoTracking().Where(m => m.ChannelId == channelId)
            .Select(m => m.UserId).ToListAsync();
        var now = time.GetUtcNow().UtcDateTime;
        var bans = await db.ChatBans.AsNoTracking()
            .Where(b => b.ChannelId == channelId && (b.ExpiresAt == null || b.ExpiresAt > now))
            .ToListAsync();

        return new ChannelChatState
        {
            ChannelId = channel.Id,
            OwnerId = channel.OwnerId,
            ChannelName = channel.UserName,
            Rules = ChatSettingsRows.ToRules(settings),
            Terms = new BlockedTermSet(terms.Select(t => (t.Term, (BlockedTermAction)t.Action))),
            Moderators = moderators.ToFrozenSet(),
            Bans = bans.ToFrozenDictionary(b => b.UserId),
        };
    }
}
