namespace Spectra.Data.Entities.Chat;

/// <summary>A channel's chat settings and counters. One row per channel, created on first use.</summary>
public class ChatSettings
{
    public Guid ChannelId { get; set; }

    public bool ChatEnabled { get; set; } = true;

    /// <summary>0 = off; otherwise seconds between two messages of one user (1–3600).</summary>
    public int SlowModeSeconds { get; set; }

    /// <summary>null = anyone may write; otherwise followers only, followed at least this many minutes.</summary>
    public int? FollowersOnlyMinutes { get; set; }

    public bool EmoteOnly { get; set; }

    public bool LinksAllowed { get; set; }

    /// <summary>1–500 Unicode scalar values.</summary>
    public int MaxMessageLength { get; set; } = 500;

    /// <summary>Sequence number of the last published message; the next message takes LastSequence + 1.</summary>
    public long LastSequence { get; set; }

    /// <summary>SHA-256 (hex) of the overlay URL token; null until one is generated. The token itself is never stored.</summary>
    public string? OverlayTokenHash { get; set; }

    public DateTime UpdatedAt { get; set; }
}
