using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Spectra.Data;
using Spectra.Data.Entities.Channels;
using Spectra.Data.Entities.Community;

namespace Spectra.Server.Community.History;

/// <summary>
/// Player heartbeats (every ~30 s while a channel page plays): view sessions for analytics (unique viewers,
/// watch time) while live, and the signed-in user's watch history. Concurrent viewer counts come from chat
/// presence instead (see <see cref="ILiveChannelDirectory"/>).
/// </summary>
internal sealed class WatchHistoryService(
    SpectraDbContext db,
    ILiveChannelDirectory live,
    IOptions<CommunityOptions> options,
    TimeProvider clock)
{
    /// <summary>Most seconds one heartbeat can add (a beat every 30 s; tolerate one missed beat).</summary>
    public const int MaxSecondsPerBeat = 60;

    public async Task<bool> HeartbeatAsync(string channelName, Guid? userId, string viewerKey, CancellationToken ct)
    {
        var channel = await ChannelRef.FindByNameAsync(db, channelName, ct);
        if (channel is null)
        {
            return false;
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var window = TimeSpan.FromSeconds(options.Value.PresenceWindowSeconds);
        if (live.TryGet(channel.ChannelId, out var liveChannel))
        {
            var since = now - window;
            var extended = await db.Set<ViewSession>()
                .Where(v => v.ChannelId == channel.ChannelId && v.ViewerKey == viewerKey && v.LastSeenAt >= since)
                .ExecuteUpdateAsync(s => s.SetProperty(v => v.LastSeenAt, now), ct);
            if (extended == 0)
            {
                var broadcastId = liveChannel.StreamSessionId
                    ?? await db.Set<Broadcast>().Where(b => b.ChannelId == channel.ChannelId && b.EndedAt == null)
                        .OrderByDescending(b => b.StartedAt).Select(b => (Guid?)b.Id).FirstOrDefaultAsync(ct);
                db.Add(new ViewSession
                {
                    Id = Guid.NewGuid(),
                    ChannelId = channel.ChannelId,
                    BroadcastId = broadcastId,
                    UserId = userId,
                    ViewerKey = viewerKey,
                    StartedAt = now,
                    LastSeenAt = now,
                });
            }
        }

        if (userId is Guid id && id != channel.OwnerId)
        {
            var entry = await db.Set<WatchHistoryEntry>().FirstOrDefaultAsync(w => w.UserId == id && w.ChannelId == channel.ChannelId, ct);
            if (entry is null)
            {
                db.Add(new WatchHistoryEntry { UserId = id, ChannelId = channel.ChannelId, FirstWatchedAt = now, LastWatchedAt = now });
            }
            else
            {
                var gap = (int)(now - entry.LastWatchedAt).TotalSeconds;
                entry.WatchSeconds += gap is > 0 and <= MaxSecondsPerBeat ? gap : 0;
                entry.LastWatchedAt = now;
            }
        }

        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            db.ChangeTracker.Clear(); // Two tabs beat at once; the other beat counted.
        }

        return true;
    }

    public async Task<IReadOnlyList<WatchedChannel>> RecentAsync(Guid userId, int take, CancellationToken ct)
    {
        var rows = await (from w in db.Set<WatchHistoryEntry>().AsNoTracking()
                          where w.UserId == userId
                          join c in db.Set<Channel>() on w.ChannelId equals c.Id
                          orderby w.LastWatchedAt descending
                          select new { w.ChannelId, c.Owner.UserName, c.Title, w.LastWatchedAt, w.WatchSeconds })
            .Take(Math.Clamp(take, 1, 100)).ToListAsync(ct);
        return rows.Select(r => new WatchedChannel(r.ChannelId, r.UserName, r.Title, r.LastWatchedAt, r.WatchSeconds, live.TryGet(r.ChannelId, out _))).ToList();
    }

    /// <summary>Deletes the user's history (one channel, or all when <paramref name="channelName"/> is null) and unlinks their view sessions.</summary>
    public async Task<int> DeleteAsync(Guid userId, string? channelName, CancellationToken ct)
    {
        Guid? channelId = null;
        if (channelName is not null)
        {
            var channel = await ChannelRef.FindByNameAsync(db, channelName, ct);
            if (channel is null)
            {
                return 0;
            }

            channelId = channel.ChannelId;
        }

        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var removed = await db.Set<WatchHistoryEntry>()
            .Where(w => w.UserId == userId && (channelId == null || w.ChannelId == channelId))
            .ExecuteDeleteAsync(ct);
        // Keep the creator's unique-viewer counts right but make the rows unlinkable to the user.
        var pseudonym = "x:" + Guid.NewGuid().ToString("N");
        await db.Set<ViewSession>()
            .Where(v => v.UserId == userId && (channelId == null || v.ChannelId == channelId))
            .ExecuteUpdateAsync(s => s.SetProperty(v => v.UserId, (Guid?)null).SetProperty(v => v.ViewerKey, pseudonym), ct);
        await tx.CommitAsync(ct);
        return removed;
    }
}
