using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;
using Spectra.Data;

namespace Spectra.Server.Chat.Internal.State;

/// <summary>
/// Fallback <see cref="IChatSessionResolver"/> when no other is registered (the live-video area
/// registers its LiveChannelTracker, which knows from events). Finds a channel's live stream session (the live-video area's StreamSession without an end).
/// Asked per chat message, reaction burst and presence tick, so answers are cached per channel
/// for <see cref="CacheLifetime"/>: a session that just started or ended is seen within 2 s.
/// </summary>
internal sealed class StreamSessionChatResolver(IServiceScopeFactory scopes, TimeProvider time) : IChatSessionResolver
{
    public static readonly TimeSpan CacheLifetime = TimeSpan.FromSeconds(2);

    private readonly ConcurrentDictionary<Guid, (Guid? Session, long At)> _cache = new();

    public async ValueTask<Guid?> GetLiveSessionAsync(Guid channelId, CancellationToken cancellationToken)
    {
        if (_cache.TryGetValue(channelId, out var cached) && time.GetElapsedTime(cached.At) < CacheLifetime)
        {
            return cached.Session;
        }

        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<SpectraDbContext>();
        var session = await db.StreamSessions.AsNoTracking()
            .Where(s => s.ChannelId == channelId && s.EndedAt == null)
            .OrderByDescending(s => s.StartedAt)
            .Select(s => (Guid?)s.Id)
            .FirstOrDefaultAsync(cancellationToken);
        _cache[channelId] = (session, time.GetTimestamp());
        return session;
    }
}
