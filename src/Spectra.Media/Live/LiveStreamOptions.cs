namespace Spectra.Media.Live;

/// <summary>Per-session ingest settings, bound from the "LiveStreams" configuration section.</summary>
public sealed class LiveStreamOptions
{
    public const string SectionName = "LiveStreams";

    /// <summary>Bytes that may wait for the transcoder's stdin before media is dropped (default 8 MiB, about 10 s at 6 Mbit/s).</summary>
    public long MaxQueuedBytes { get; set; } = 8L * 1024 * 1024;

    /// <summary>Tags that may wait for the transcoder's stdin before media is dropped.</summary>
    public int MaxQueuedTags { get; set; } = 4096;

    /// <summary>Interval of <see cref="LiveStream.HealthSampled"/> (0.5–60 s).</summary>
    public TimeSpan HealthInterval { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>
    /// Media time to wait for a track that has not shown up yet (audio after video or the reverse)
    /// before the ladder is planned without it. Metadata announcing both tracks does not shorten it.
    /// </summary>
    public TimeSpan ProbeDuration { get; set; } = TimeSpan.FromSeconds(3);

    /// <summary>Source keyframe intervals above this raise <see cref="IngestWarnings.KeyframeIntervalTooLong"/>.</summary>
    public TimeSpan MaxKeyframeInterval { get; set; } = TimeSpan.FromSeconds(4);

    /// <summary>Transcoder speed (× real time) below which <see cref="IngestWarnings.TranscoderSlow"/> is raised.</summary>
    public double MinTranscoderSpeed { get; set; } = 0.9;

    /// <summary>
    /// ffmpeg that reports no progress for this long while media keeps arriving is considered hung:
    /// its process tree is killed and the supervisor restarts it (2–120 s).
    /// </summary>
    public TimeSpan TranscoderStallTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Throws <see cref="ArgumentOutOfRangeException"/> naming the first invalid setting.</summary>
    public void Validate()
    {
        if (MaxQueuedBytes < 64 * 1024)
        {
            throw new ArgumentOutOfRangeException(nameof(MaxQueuedBytes), MaxQueuedBytes, "At least 64 KiB.");
        }

        if (MaxQueuedTags < 16)
        {
            throw new ArgumentOutOfRangeException(nameof(MaxQueuedTags), MaxQueuedTags, "At least 16.");
        }

        if (HealthInterval < TimeSpan.FromSeconds(0.5) || HealthInterval > TimeSpan.FromSeconds(60))
        {
            throw new ArgumentOutOfRangeException(nameof(HealthInterval), HealthInterval, "Between 0.5 and 60 seconds.");
        }

        if (ProbeDuration < TimeSpan.Zero || ProbeDuration > TimeSpan.FromSeconds(30))
        {
            throw new ArgumentOutOfRangeException(nameof(ProbeDuration), ProbeDuration, "Between 0 and 30 seconds.");
        }

        if (MaxKeyframeInterval <= TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(MaxKeyframeInterval), MaxKeyframeInterval, "Must be positive.");
        }

        if (TranscoderStallTimeout < TimeSpan.FromSeconds(2) || TranscoderStallTimeout > TimeSpan.FromSeconds(120))
        {
            throw new ArgumentOutOfRangeException(nameof(TranscoderStallTimeout), TranscoderStallTimeout, "Between 2 and 120 seconds.");
        }

        if (MinTranscoderSpeed is < 0 or > 2)
        {
            throw new ArgumentOutOfRangeException(nameof(MinTranscoderSpeed), MinTranscoderSpeed, "Between 0 and 2.");
        }
    }
}
