namespace Spectra.Server.Chat.Contracts;

/// <summary>A channel's chat settings as clients see and send them.</summary>
/// <param name="SlowModeSeconds">0 = off, 1–3600.</param>
/// <param name="FollowersOnlyMinutes">null = off; otherwise minimum follow age in minutes (0 = any follower).</param>
/// <param name="MaxMessageLength">1–500.</param>
internal sealed record ChatSettingsDto(
    bool ChatEnabled,
    int SlowModeSeconds,
    int? FollowersOnlyMinutes,
    bool EmoteOnly,
    bool LinksAllowed,
    int MaxMessageLength);
