using System.ComponentModel.DataAnnotations;

namespace Spectra.Media.Recording;

/// <summary>Site-wide recording settings (section "Recording"); channels switch it off for themselves on the dashboard.</summary>
public sealed class RecordingOptions
{
    public const string SectionName = "Recording";

    /// <summary>Record live sessions into past broadcasts (default on).</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>
    /// Segment bytes a recording may hold in memory while storage is slow or down (default 64 MiB); past
    /// it, segments are dropped and the recording marks a gap. The live stream is never slowed.
    /// </summary>
    [Range(1L * 1024 * 1024, 4L * 1024 * 1024 * 1024)]
    public long MaxPendingBytes { get; set; } = 64L * 1024 * 1024;

    /// <summary>Longest a single storage write may take before it counts as failed (default 15 s).</summary>
    [Range(typeof(TimeSpan), "00:00:01", "00:10:00")]
    public TimeSpan WriteTimeout { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>Longest the end of a session waits for queued segments to reach storage (default 60 s).</summary>
    [Range(typeof(TimeSpan), "00:00:01", "01:00:00")]
    public TimeSpan FlushTimeout { get; set; } = TimeSpan.FromSeconds(60);
}
