namespace Spectra.Server.Community;

/// <summary>
/// Blocks between users, shared by every area: a block works both ways (neither user can follow the other's
/// channel, message or see the other in chat). Chat and the community API both write through here, so a block
/// always severs follows and always reaches chat (<see cref="Events.UserBlockChanged"/> on the event bus).
/// </summary>
internal interface IBlockList
{
    /// <summary>True when either user blocks the other.</summary>
    Task<bool> IsBlockedEitherWayAsync(Guid userA, Guid userB, CancellationToken ct);

    /// <summary>Users that <paramref name="userId"/> blocks.</summary>
    Task<IReadOnlySet<Guid>> BlockedByAsync(Guid userId, CancellationToken ct);

    /// <summary>Users that <paramref name="userId"/> blocks or is blocked by: whose chat they must not see, and who must not see theirs.</summary>
    Task<IReadOnlySet<Guid>> BlockedEitherWayAsync(Guid userId, CancellationToken ct);

    /// <summary>
    /// Stores the block and removes follows both ways in one transaction, then publishes
    /// <see cref="Events.UserBlockChanged"/>. False when <paramref name="blockerId"/> already blocks the user.
    /// </summary>
    Task<bool> BlockAsync(Guid blockerId, Guid blockedId, CancellationToken ct);

    /// <summary>Removes the block and publishes <see cref="Events.UserBlockChanged"/>; false when there was none.</summary>
    Task<bool> UnblockAsync(Guid blockerId, Guid blockedId, CancellationToken ct);
}
