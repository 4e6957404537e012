using Microsoft.EntityFrameworkCore;
using Spectra.Data;
using Spectra.Data.Entities.Channels;
using Spectra.Data.Entities.Chat;
using Spectra.Data.Entities.Community;
using Spectra.Server.Events;

namespace Spectra.Server.Community.Follows;

/// <summary>Database-backed <see cref="IBlockList"/>.</summary>
internal sealed class BlockList(SpectraDbContext db, IEventBus bus, TimeProvider clock) : IBlockList
{
    public Task<bool> IsBlockedEitherWayAsync(Guid userA, Guid userB, CancellationToken ct) =>
        db.Set<UserBlock>().AnyAsync(x => (x.BlockerId == userA && x.BlockedId == userB) || (x.BlockerId == userB && x.BlockedId == userA), ct);

    public async Task<IReadOnlySet<Guid>> BlockedByAsync(Guid userId, CancellationToken ct) =>
        (await db.Set<UserBlock>().AsNoTracking().Where(b => b.BlockerId == userId).Select(b => b.BlockedId).ToListAsync(ct)).ToHashSet();

    public async Task<IReadOnlySet<Guid>> BlockedEitherWayAsync(Guid userId, CancellationToken ct) =>
        (await db.Set<UserBlock>().AsNoTracking()
            .Where(b => b.BlockerId == userId || b.BlockedId == userId)
            .Select(b => b.BlockerId == userId ? b.BlockedId : b.BlockerId)
            .ToListAsync(ct)).ToHashSet();

    public async Task<bool> BlockAsync(Guid blockerId, Guid blockedId, CancellationToken ct)
    {
        ArgumentOutOfRangeException.ThrowIfEqual(blockerId, blockedId);
        await using (var tx = await db.Database.BeginTransactionAsync(ct))
        {
            if (await db.Set<UserBlock>().AnyAsync(b => b.BlockerId == blockerId && b.BlockedId == blockedId, ct))
            {
                return false;
            }

            db.Add(new UserBlock { BlockerId = blockerId, BlockedId = blockedId, CreatedAt = clock.GetUtcNow().UtcDateTime });
            try
            {
                await db.SaveChangesAsync(ct);
            }
            catch (DbUpdateException)
            {
                // The same block stored at the same moment by another request: the key decides, and it is there.
                db.ChangeTracker.Clear();
                return false;
            }

            // Blocking severs follows both ways.
            await db.Set<Follow>()
                .Where(f => (f.FollowerId == blockedId && db.Set<Channel>().Any(c => c.Id == f.ChannelId && c.OwnerId == blockerId))
                    || (f.FollowerId == blockerId && db.Set<Channel>().Any(c => c.Id == f.ChannelId && c.OwnerId == blockedId)))
                .ExecuteDeleteAsync(ct);
            await tx.CommitAsync(ct);
        }

        await bus.PublishAsync(new UserBlockChanged(blockerId, blockedId, BlockedEitherWay: true), ct);
        return true;
    }

    public async Task<bool> UnblockAsync(Guid blockerId, Guid blockedId, CancellationToken ct)
    {
        var removed = await db.Set<UserBlock>().Where(b => b.BlockerId == blockerId && b.BlockedId == blockedId).ExecuteDeleteAsync(ct);
        if (removed == 0)
        {
            return false;
        }

        var reverse = await db.Set<UserBlock>().AnyAsync(b => b.BlockerId == blockedId && b.BlockedId == blockerId, ct);
        await bus.PublishAsync(new UserBlockChanged(blockerId, blockedId, BlockedEitherWay: reverse), ct);
        return true;
    }
}
