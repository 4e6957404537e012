using System.ComponentModel.DataAnnotations;
using Spectra.Media.Internal;

namespace Spectra.Media.Live;

/// <summary>Per-session ingest settings, bound from the "LiveStreams" configuration section.</summary>
/// <remarks>Valid ranges are the <see cref="RangeAttribute"/>s on the properties, checked at start-up.</remarks>
public sealed class LiveStreamOptions
{
    public const string SectionName = "LiveStreams";

    /// <summary>Bytes that may wait for the transcoder's stdin before media is dropped (default 8 MiB, about 10 s at 6 Mbit/s).</summary>
    [Range(64d * 1024, long.MaxValue)]
    public long MaxQueuedBytes { get; set; } = 8L * 1024 * 1024;

    /// <summary>Tags that may wait for the transcoder's stdin before media is dropped.</summary>
    [Range(16, int.MaxValue)]
    public int MaxQueuedTags { get; set; } = 4096;

    /// <summary>Interval of <see cref="LiveStream.HealthSampled"/>.</summary>
    [Range(typeof(TimeSpan), "00:00:00.5", "00:01:00")]
    public TimeSpan HealthInterval { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>
    /// Media time to wait for a track that has not shown up yet (audio after video or the reverse)
    /// before the ladder is planned without it. Metadata announcing both tracks does not shorten it.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:00:30")]
    public TimeSpan ProbeDuration { get; set; } = TimeSpan.FromSeconds(3);

    /// <summary>Source keyframe intervals above this raise <see cref="IngestWarnings.KeyframeIntervalTooLong"/>.</summary>
    [Range(typeof(TimeSpan), "00:00:00.001", "01:00:00")]
    public TimeSpan MaxKeyframeInterval { get; set; } = TimeSpan.FromSeconds(4);

    /// <summary>Transcoder speed (× real time) below which <see cref="IngestWarnings.TranscoderSlow"/> is raised.</summary>
    [Range(0d, 2d)]
    public double MinTranscoderSpeed { get; set; } = 0.9;

    /// <summary>
    /// ffmpeg that reports no progress for this long while media keeps arriving is considered hung:
    /// its process tree is killed and the supervisor restarts it.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:02", "00:02:00")]
    public TimeSpan TranscoderStallTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Throws <see cref="ArgumentOutOfRangeException"/> naming the first invalid setting.</summary>
    public void Validate() => OptionsValidation.ThrowIfInvalid(this);
}
