using System.ComponentModel.DataAnnotations;

namespace Spectra.Server.Videos;

/// <summary>Past broadcasts' retention and storage limits (section "Videos").</summary>
public sealed class VideosOptions
{
    public const string SectionName = "Videos";

    /// <summary>
    /// Bytes of past broadcasts a channel may keep (default 0: no limit). Past it, the sweep deletes the channel's
    /// oldest videos until it fits, and the dashboard says so.
    /// </summary>
    [Range(0, long.MaxValue)]
    public long ChannelQuotaBytes { get; set; }

    /// <summary>How often retention and quotas are enforced (default hourly; the first sweep runs a minute after start).</summary>
    [Range(typeof(TimeSpan), "00:00:01", "7.00:00:00")]
    public TimeSpan SweepInterval { get; set; } = TimeSpan.FromHours(1);

    /// <summary>Longest a channel may set "keep N days" to (default 3650).</summary>
    [Range(1, 36500)]
    public int MaxRetentionDays { get; set; } = 3650;
}
