using Microsoft.EntityFrameworkCore;
using Spectra.Data;
using Spectra.Data.Entities.Channels;

namespace Spectra.Server.Community;

/// <summary>A channel's identity as community code needs it: id, owner and public name.</summary>
internal sealed record ChannelRef(Guid ChannelId, Guid OwnerId, string Name)
{
    public static Task<ChannelRef?> FindByNameAsync(SpectraDbContext db, string name, CancellationToken ct)
    {
        var normalized = name.ToUpperInvariant();
        return db.Set<Channel>().AsNoTracking()
            .Where(c => c.Owner.NormalizedUserName == normalized)
            .Select(c => new ChannelRef(c.Id, c.OwnerId, c.Owner.UserName))
            .FirstOrDefaultAsync(ct);
    }

    public static Task<ChannelRef?> FindByIdAsync(SpectraDbContext db, Guid channelId, CancellationToken ct) =>
        db.Set<Channel>().AsNoTracking()
            .Where(c => c.Id == channelId)
            .Select(c => new ChannelRef(c.Id, c.OwnerId, c.Owner.UserName))
            .FirstOrDefaultAsync(ct);

    public static Task<ChannelRef?> FindByOwnerAsync(SpectraDbContext db, Guid ownerId, CancellationToken ct) =>
        db.Set<Channel>().AsNoTracking()
            .Where(c => c.OwnerId == ownerId)
            .Select(c => new ChannelRef(c.Id, c.OwnerId, c.Owner.UserName))
            .FirstOrDefaultAsync(ct);
}
