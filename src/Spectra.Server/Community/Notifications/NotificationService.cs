using Microsoft.EntityFrameworkCore;
using Spectra.Data;
using Spectra.Data.Entities.Community;

namespace Spectra.Server.Community.Notifications;

/// <summary>A user's notification list, unread count and per-channel opt-outs.</summary>
internal sealed class NotificationService(SpectraDbContext db, TimeProvider clock, ILogger<NotificationService> logger)
{
    public async Task<IReadOnlyList<NotificationItem>> ListAsync(Guid userId, int take, CancellationToken ct)
    {
        var rows = await db.Set<Notification>().AsNoTracking()
            .Where(n => n.UserId == userId)
            .OrderByDescending(n => n.CreatedAt)
            .Take(Math.Clamp(take, 1, 200))
            .ToListAsync(ct);
        return rows.Select(ToItem).ToList();
    }

    public Task<int> UnreadCountAsync(Guid userId, CancellationToken ct) =>
        db.Set<Notification>().CountAsync(n => n.UserId == userId && n.ReadAt == null, ct);

    /// <summary>Marks the given notifications (or all when <paramref name="ids"/> is null) read; returns how many changed.</summary>
    /// <summary>Most ids one mark-read call takes (one SQL parameter each; SQLite allows 32,766 in all).</summary>
    public const int MaxMarkReadIds = 500;

    public Task<int> MarkReadAsync(Guid userId, IReadOnlyCollection<Guid>? ids, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var query = db.Set<Notification>().Where(n => n.UserId == userId && n.ReadAt == null);
        if (ids is not null)
        {
            query = query.Where(n => ids.Contains(n.Id));
        }

        return query.ExecuteUpdateAsync(s => s.SetProperty(n => n.ReadAt, now), ct);
    }

    public async Task<CommunityResult> SetMutedAsync(Guid userId, string channelName, bool muted, CancellationToken ct)
    {
        var channel = await ChannelRef.FindByNameAsync(db, channelName, ct);
        if (channel is null)
        {
            CommunityLog.Refused(logger, "mute", userId, "No such channel.");
            return CommunityResult.Fail(CommunityError.NotFound, "No such channel.");
        }

        if (!await db.Set<Follow>().AnyAsync(f => f.FollowerId == userId && f.ChannelId == channel.ChannelId, ct))
        {
            CommunityLog.Refused(logger, "mute", userId, "Not following.");
            return CommunityResult.Fail(CommunityError.NotFollowing, "You do not follow this channel.");
        }

        var existing = db.Set<NotificationMute>().Where(m => m.UserId == userId && m.ChannelId == channel.ChannelId);
        if (!muted)
        {
            await existing.ExecuteDeleteAsync(ct);
        }
        else if (!await existing.AnyAsync(ct))
        {
            db.Add(new NotificationMute { UserId = userId, ChannelId = channel.ChannelId, CreatedAt = clock.GetUtcNow().UtcDateTime });
            try
            {
                await db.SaveChangesAsync(ct);
            }
            catch (DbUpdateException)
            {
                db.ChangeTracker.Clear(); // Muted concurrently: the outcome is the same.
            }
        }

        return CommunityResult.Ok;
    }

    public Task<bool> IsMutedAsync(Guid userId, Guid channelId, CancellationToken ct) =>
        db.Set<NotificationMute>().AnyAsync(m => m.UserId == userId && m.ChannelId == channelId, ct);

    internal static string KindName(NotificationKind kind) => kind switch
    {
        NotificationKind.StreamOnline => "stream.online",
        NotificationKind.ScheduledShowStarting => "schedule.starting",
        NotificationKind.CommunityPost => "post",
        _ => "other",
    };

    internal static NotificationItem ToItem(Notification n) =>
        new(n.Id, KindName(n.Kind), n.ChannelId, n.Text, n.Url, n.CreatedAt, n.ReadAt is not null);
}
