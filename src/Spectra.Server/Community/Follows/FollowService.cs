using Microsoft.EntityFrameworkCore;
using Spectra.Data;
using Spectra.Data.Entities.Accounts;
using Spectra.Data.Entities.Channels;
using Spectra.Data.Entities.Chat;
using Spectra.Data.Entities.Community;
using Spectra.Server.Community.Webhooks;

namespace Spectra.Server.Community.Follows;

/// <summary>Follow, unfollow, block and the lists. All writes are single transactions.</summary>
internal sealed class FollowService(SpectraDbContext db, IBlockList blocks, WebhookService webhooks, TimeProvider clock, ILogger<FollowService> logger) : IFollowLookup
{
    public const int MaxPageSize = 100;

    public async Task<CommunityResult> FollowAsync(Guid userId, string channelName, CancellationToken ct)
    {
        var channel = await ChannelRef.FindByNameAsync(db, channelName, ct);
        if (channel is null)
        {
            return Refuse("follow", userId, CommunityError.NotFound, "No such channel.");
        }

        if (channel.OwnerId == userId)
        {
            return Refuse("follow", userId, CommunityError.FollowSelf, "You cannot follow your own channel.");
        }

        if (await blocks.IsBlockedEitherWayAsync(userId, channel.OwnerId, ct))
        {
            return Refuse("follow", userId, CommunityError.Blocked, "You cannot follow this channel.");
        }

        if (await db.Set<Follow>().AnyAsync(f => f.FollowerId == userId && f.ChannelId == channel.ChannelId, ct))
        {
            return Refuse("follow", userId, CommunityError.AlreadyFollowing, "You already follow this channel.");
        }

        var now = clock.GetUtcNow().UtcDateTime;
        db.Add(new Follow { FollowerId = userId, ChannelId = channel.ChannelId, CreatedAt = now });
        var userName = await db.Set<User>().Where(u => u.Id == userId).Select(u => u.UserName).FirstAsync(ct);
        await webhooks.EnqueueAsync(channel.ChannelId, WebhookEventTypes.ChannelFollow, new
        {
            channel = new { id = channel.ChannelId, name = channel.Name },
            follower = new { id = userId, name = userName },
            followedAt = now,
        }, saveChanges: false, ct);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // A concurrent request inserted the same follow first (primary key): same answer as above.
            db.ChangeTracker.Clear();
            return Refuse("follow", userId, CommunityError.AlreadyFollowing, "You already follow this channel.");
        }

        webhooks.Wake();
        return CommunityResult.Ok;
    }

    public async Task<CommunityResult> UnfollowAsync(Guid userId, string channelName, CancellationToken ct)
    {
        var channel = await ChannelRef.FindByNameAsync(db, channelName, ct);
        if (channel is null)
        {
            return Refuse("unfollow", userId, CommunityError.NotFound, "No such channel.");
        }

        var removed = await db.Set<Follow>().Where(f => f.FollowerId == userId && f.ChannelId == channel.ChannelId).ExecuteDeleteAsync(ct);
        await db.Set<NotificationMute>().Where(m => m.UserId == userId && m.ChannelId == channel.ChannelId).ExecuteDeleteAsync(ct);
        return removed == 0
            ? Refuse("unfollow", userId, CommunityError.NotFollowing, "You do not follow this channel.")
            : CommunityResult.Ok;
    }

    public Task<bool> IsFollowingAsync(Guid userId, Guid channelId, CancellationToken ct) =>
        db.Set<Follow>().AnyAsync(f => f.FollowerId == userId && f.ChannelId == channelId, ct);

    public Task<DateTime?> FollowedSinceAsync(Guid userId, Guid channelId, CancellationToken ct) =>
        db.Set<Follow>().AsNoTracking()
            .Where(f => f.FollowerId == userId && f.ChannelId == channelId)
            .Select(f => (DateTime?)f.CreatedAt)
            .FirstOrDefaultAsync(ct);

    public Task<int> CountFollowersAsync(Guid channelId, CancellationToken ct) =>
        db.Set<Follow>().CountAsync(f => f.ChannelId == channelId, ct);

    /// <summary>Followers of a channel, newest first.</summary>
    public async Task<IReadOnlyList<FollowEntry>> FollowersAsync(Guid channelId, int skip, int take, CancellationToken ct)
    {
        take = Math.Clamp(take, 1, MaxPageSize);
        var rows = await (
            from f in db.Set<Follow>().AsNoTracking()
            where f.ChannelId == channelId
            join u in db.Set<User>() on f.FollowerId equals u.Id
            join c in db.Set<Channel>() on f.ChannelId equals c.Id
            orderby f.CreatedAt descending
            select new { u.Id, u.UserName, f.ChannelId, ChannelName = c.Owner.UserName, f.CreatedAt })
            .Skip(Math.Max(0, skip)).Take(take).ToListAsync(ct);
        return rows.Select(r => new FollowEntry(r.Id, r.UserName, r.ChannelId, r.ChannelName, r.CreatedAt)).ToList();
    }

    /// <summary>Channels a user follows, newest first.</summary>
    public async Task<IReadOnlyList<FollowEntry>> FollowingAsync(Guid userId, int skip, int take, CancellationToken ct)
    {
        take = Math.Clamp(take, 1, 1000);
        var rows = await (
            from f in db.Set<Follow>().AsNoTracking()
            where f.FollowerId == userId
            join c in db.Set<Channel>() on f.ChannelId equals c.Id
            orderby f.CreatedAt descending
            select new { f.FollowerId, f.ChannelId, ChannelName = c.Owner.UserName, f.CreatedAt })
            .Skip(Math.Max(0, skip)).Take(take).ToListAsync(ct);
        var userName = await db.Set<User>().Where(u => u.Id == userId).Select(u => u.UserName).FirstOrDefaultAsync(ct) ?? string.Empty;
        return rows.Select(r => new FollowEntry(r.FollowerId, userName, r.ChannelId, r.ChannelName, r.CreatedAt)).ToList();
    }

    public async Task<CommunityResult> BlockAsync(Guid userId, string userName, CancellationToken ct)
    {
        var normalized = userName.ToUpperInvariant();
        var target = await db.Set<User>().Where(u => u.NormalizedUserName == normalized).Select(u => (Guid?)u.Id).FirstOrDefaultAsync(ct);
        if (target is not Guid targetId)
        {
            return Refuse("block", userId, CommunityError.NotFound, "No such user.");
        }

        if (targetId == userId)
        {
            return Refuse("block", userId, CommunityError.BlockSelf, "You cannot block yourself.");
        }

        return await blocks.BlockAsync(userId, targetId, ct)
            ? CommunityResult.Ok
            : Refuse("block", userId, CommunityError.AlreadyBlocked, "You already block this user.");
    }

    public async Task<CommunityResult> UnblockAsync(Guid userId, string userName, CancellationToken ct)
    {
        var normalized = userName.ToUpperInvariant();
        var target = await db.Set<User>().Where(u => u.NormalizedUserName == normalized).Select(u => (Guid?)u.Id).FirstOrDefaultAsync(ct);
        return target is Guid targetId && await blocks.UnblockAsync(userId, targetId, ct)
            ? CommunityResult.Ok
            : Refuse("unblock", userId, CommunityError.NotFound, "You do not block this user.");
    }

    public async Task<IReadOnlyList<string>> BlockedUserNamesAsync(Guid userId, CancellationToken ct) =>
        await (from b in db.Set<UserBlock>()
               where b.BlockerId == userId
               join u in db.Set<User>() on b.BlockedId equals u.Id
               orderby u.UserName
               select u.UserName).ToListAsync(ct);

    private CommunityResult Refuse(string operation, Guid userId, CommunityError error, string message)
    {
        CommunityLog.Refused(logger, operation, userId, message);
        return CommunityResult.Fail(error, message);
    }
}
