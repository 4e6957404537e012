namespace Spectra.Server.Community;

/// <summary>Who follows which channel, for areas that decide by it (chat's followers-only mode).</summary>
internal interface IFollowLookup
{
    /// <summary>When <paramref name="userId"/> started following the channel (UTC), or null when they do not follow it.</summary>
    Task<DateTime?> FollowedSinceAsync(Guid userId, Guid channelId, CancellationToken ct);
}
