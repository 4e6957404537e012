using System.ComponentModel.DataAnnotations;

namespace Spectra.Server.Community;

/// <summary>Configuration section "Community"; defaults suit a single node.</summary>
internal sealed class CommunityOptions
{
    public const string SectionName = "Community";

    /// <summary>
    /// Seconds a player heartbeat keeps a view session open for analytics (unique viewers, watch time);
    /// default 90, players beat every 30.
    /// </summary>
    [Range(10, 3600)]
    public int PresenceWindowSeconds { get; set; } = 90;

    /// <summary>
    /// Anonymous watch heartbeats one client address may send per minute (token bucket refilled evenly).
    /// Each player beats every 30 s, so the default 600 covers a crowd of 300 players behind one address
    /// while made-up viewer cookies cannot inflate unique-viewer analytics without limit.
    /// Community__AnonymousHeartbeatsPerAddressPerMinute.
    /// </summary>
    [Range(1, 1_000_000)]
    public int AnonymousHeartbeatsPerAddressPerMinute { get; set; } = 600;

    /// <summary>Minutes between recommendation model rebuilds (default 10).</summary>
    [Range(1, 1440)]
    public int RecommendationRefreshMinutes { get; set; } = 10;

    /// <summary>Seconds between search index catch-up passes for edited channels (default 2).</summary>
    [Range(1, 3600)]
    public int SearchIndexIntervalSeconds { get; set; } = 2;

    /// <summary>Seconds between viewer-count samples of live channels for analytics (default 60).</summary>
    [Range(1, 3600)]
    public int ViewerSampleSeconds { get; set; } = 60;

    /// <summary>Days notifications are kept, read or not (default 30; older ones are deleted hourly).</summary>
    [Range(1, 3650)]
    public int NotificationRetentionDays { get; set; } = 30;

    /// <summary>Days finished webhook deliveries stay in the dashboard's log (default 30; pending ones are never deleted).</summary>
    [Range(1, 3650)]
    public int WebhookLogRetentionDays { get; set; } = 30;

    /// <summary>Lets webhooks target loopback and private networks (default false; for tests and closed networks).</summary>
    public bool AllowPrivateWebhookTargets { get; set; }

    /// <summary>Attempts per webhook delivery including the first (default 6).</summary>
    [Range(1, 20)]
    public int WebhookMaxAttempts { get; set; } = 6;

    /// <summary>Delay before the first retry in milliseconds, doubled each time (default 30 000).</summary>
    [Range(1, 3_600_000)]
    public int WebhookBaseDelayMilliseconds { get; set; } = 30_000;

    /// <summary>Upper bound of the retry delay in milliseconds (default 1 800 000 = 30 min).</summary>
    [Range(1, 86_400_000)]
    public int WebhookMaxDelayMilliseconds { get; set; } = 1_800_000;

    /// <summary>Timeout of one delivery request in seconds (default 10).</summary>
    [Range(1, 120)]
    public int WebhookTimeoutSeconds { get; set; } = 10;

    /// <summary>Webhooks per channel (default 10).</summary>
    [Range(1, 100)]
    public int MaxWebhooksPerChannel { get; set; } = 10;
}
