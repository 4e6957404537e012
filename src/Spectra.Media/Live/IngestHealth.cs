namespace Spectra.Media.Live;

/// <summary>One health sample of a live ingest (taken every <see cref="LiveStreamOptions.HealthInterval"/>, default 2 s).</summary>
public sealed record IngestHealth
{
    public DateTimeOffset SampledAt { get; init; }

    /// <summary>Audio + video tag bytes received during the sample, in bit/s.</summary>
    public long IncomingBitsPerSecond { get; init; }

    /// <summary>Video frames received per second during the sample.</summary>
    public double FramesPerSecond { get; init; }

    /// <summary>Seconds between the last two source keyframes; null before the second keyframe.</summary>
    public double? KeyframeIntervalSeconds { get; init; }

    /// <summary>RFC 6381 codecs string or short name ("avc1.64001f", "hevc"); null when no video arrived.</summary>
    public string? VideoCodec { get; init; }

    /// <summary>"mp4a.40.2", "mp3", "opus"...; null when no audio arrived.</summary>
    public string? AudioCodec { get; init; }

    /// <summary>Source size in pixels from the SPS; 0 when unknown.</summary>
    public int Width { get; init; }

    public int Height { get; init; }

    /// <summary>Tags dropped since the start because the transcoder's input queue was full.</summary>
    public long DroppedTags { get; init; }

    /// <summary>Tags dropped since the start because their timestamp went backwards within their track.</summary>
    public long LateTags { get; init; }

    /// <summary>Bytes waiting for the transcoder's stdin.</summary>
    public long QueuedBytes { get; init; }

    /// <summary>Output media time ÷ wall time over the sample (1.0 = real time); null when the transcoder reported nothing.</summary>
    public double? TranscoderSpeed { get; init; }

    /// <summary>Encoding frame rate reported by ffmpeg (average of the current generation).</summary>
    public double? TranscoderFramesPerSecond { get; init; }

    /// <summary>Frames dropped by ffmpeg in the current generation.</summary>
    public long TranscoderDroppedFrames { get; init; }

    /// <summary>Transcoder restarts since the start of the live session.</summary>
    public int TranscoderRestarts { get; init; }

    /// <summary>Link statistics of a packet transport (SRT); null for RTMP.</summary>
    public LiveTransportStatistics? Transport { get; init; }

    public IngestWarnings Warnings { get; init; }
}
