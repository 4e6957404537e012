using Microsoft.EntityFrameworkCore;
using Spectra.Data;
using Spectra.Data.Entities.Chat;
using Spectra.Data.Entities.Community;

namespace Spectra.Server.Community.Follows;

/// <summary>Database-backed <see cref="IBlockList"/>.</summary>
public sealed class BlockList(SpectraDbContext db) : IBlockList
{
    public Task<bool> IsBlockedEitherWayAsync(Guid userA, Guid userB, CancellationToken ct) =>
        db.Set<UserBlock>().AnyAsync(x => (x.BlockerId == userA && x.BlockedId == userB) || (x.BlockerId == userB && x.BlockedId == userA), ct);

    public async Task<IReadOnlySet<Guid>> BlockedByAsync(Guid userId, CancellationToken ct) =>
        (await db.Set<UserBlock>().Where(b => b.BlockerId == userId).Select(b => b.BlockedId).ToListAsync(ct)).ToHashSet();
}
