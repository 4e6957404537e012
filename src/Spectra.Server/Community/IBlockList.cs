namespace Spectra.Server.Community;

/// <summary>
/// Block checks for other areas (chat uses it to hide and refuse messages between users who
/// blocked each other).
/// </summary>
public interface IBlockList
{
    /// <summary>True when either user blocks the other.</summary>
    Task<bool> IsBlockedEitherWayAsync(Guid userA, Guid userB, CancellationToken ct);

    /// <summary>Users that <paramref name="userId"/> blocks.</summary>
    Task<IReadOnlySet<Guid>> BlockedByAsync(Guid userId, CancellationToken ct);
}
