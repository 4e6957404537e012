namespace Spectra.Media.Live;

/// <summary>Problems of a live ingest, as flags; the control plane decides what to show or do.</summary>
[Flags]
public enum IngestWarnings
{
    None = 0,

    /// <summary>The source's keyframe interval is above <see cref="LiveStreamOptions.MaxKeyframeInterval"/> (default 4 s): long segments, slow start.</summary>
    KeyframeIntervalTooLong = 1 << 0,

    /// <summary>Video is not H.264 (H.265, AV1, VP9, VP6...): nothing is transcoded or served.</summary>
    UnsupportedVideoCodec = 1 << 1,

    /// <summary>Audio is neither AAC nor MP3: renditions are served without audio.</summary>
    UnsupportedAudioCodec = 1 << 2,

    /// <summary>Only audio arrives: nothing is served until video appears.</summary>
    AudioOnly = 1 << 3,

    /// <summary>Only video arrives: renditions are served without audio.</summary>
    VideoOnly = 1 << 4,

    /// <summary>The transcoder runs below <see cref="LiveStreamOptions.MinTranscoderSpeed"/> × real time, or its input queue is backing up.</summary>
    TranscoderSlow = 1 << 5,

    /// <summary>The transcoder exited unexpectedly during the sample, or is waiting to be restarted.</summary>
    TranscoderRestarting = 1 << 6,

    /// <summary>Media was dropped in the sample because the transcoder's input queue was full.</summary>
    DataDropped = 1 << 7,

    /// <summary>Tags with timestamps going backwards arrived (and were dropped) in the sample.</summary>
    TimestampsOutOfOrder = 1 << 8,

    /// <summary>
    /// The packet transport (SRT) lost packets beyond repair in the sample: dropped as too late for its latency, or seen
    /// by the MPEG-TS demuxer as continuity gaps.
    /// </summary>
    LinkLoss = 1 << 9,
}
