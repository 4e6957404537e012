namespace Spectra.Server.Chat.Internal.Rules;

/// <summary>What the rules need to know about the sender in this channel. Times are UTC.</summary>
/// <param name="IsPrivileged">Owner, moderator or site admin: exempt from slow, followers-only, emote-only and link rules.</param>
/// <param name="BannedReason">Non-null when banned from the channel.</param>
/// <param name="TimedOutUntil">End of a time-out, if any (past values are ignored).</param>
/// <param name="FollowedAt">When the sender followed the channel, if they do.</param>
/// <param name="LastMessageAt">When the sender's last accepted message in this channel was posted.</param>
internal readonly record struct SenderStanding(
    bool IsPrivileged,
    string? BannedReason,
    DateTime? TimedOutUntil,
    DateTime? FollowedAt,
    DateTime? LastMessageAt);
