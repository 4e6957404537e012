namespace Spectra.Server.Chat.Internal.Rules;

/// <summary>A channel's chat settings as the send rules see them.</summary>
/// <param name="SlowModeSeconds">0 = off; otherwise the least time between two messages of one user.</param>
/// <param name="FollowersOnlyMinutes">null = anyone may write; otherwise followers only, followed at least this long (0 = any follower).</param>
/// <param name="MaxMessageLength">1 to <see cref="HardMaxMessageLength"/> Unicode scalar values.</param>
internal sealed record ChatRules(
    bool ChatEnabled = true,
    int SlowModeSeconds = 0,
    int? FollowersOnlyMinutes = null,
    bool EmoteOnly = false,
    bool LinksAllowed = false,
    int MaxMessageLength = ChatRules.HardMaxMessageLength)
{
    /// <summary>No message is ever longer than this, whatever a channel sets.</summary>
    public const int HardMaxMessageLength = 500;

    /// <summary>Slow mode is at most one message per this many seconds.</summary>
    public const int MaxSlowModeSeconds = 3600;

    /// <summary>Longest minimum follow age, in minutes (90 days).</summary>
    public const int MaxFollowersOnlyMinutes = 129600;

    public static ChatRules Default { get; } = new();

    /// <summary>Returns a caller-facing error, or null when the settings are in range.</summary>
    public string? Validate()
    {
        if (SlowModeSeconds is < 0 or > MaxSlowModeSeconds)
        {
            return $"Slow mode must be 0 to {MaxSlowModeSeconds} seconds.";
        }

        if (FollowersOnlyMinutes is < 0 or > MaxFollowersOnlyMinutes)
        {
            return $"The minimum follow age must be 0 to {MaxFollowersOnlyMinutes} minutes.";
        }

        if (MaxMessageLength is < 1 or > HardMaxMessageLength)
        {
            return $"The maximum message length must be 1 to {HardMaxMessageLength}.";
        }

        return null;
    }
}
