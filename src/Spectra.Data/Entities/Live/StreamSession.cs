namespace Spectra.Data.Entities.Live;

/// <summary>
/// One continuous broadcast of a channel: from its first playable segment until the publisher left and
/// the reconnect grace ran out. A publisher that reconnects within the grace continues the same session.
/// VODs, clips, chat history and analytics hang off it. Times are UTC.
/// </summary>
public sealed class StreamSession
{
    public const int CodecMaxLength = 64;
    public const int EncoderMaxLength = 128;
    public const int EndReasonMaxLength = 32;

    public Guid Id { get; set; }

    public Guid ChannelId { get; set; }

    /// <summary>When the first segment was ready (the channel went live).</summary>
    public DateTime StartedAt { get; set; }

    /// <summary>When the channel went offline; null while the session is live.</summary>
    public DateTime? EndedAt { get; set; }

    /// <summary>Ingest video codec as an RFC 6381 string ("avc1.64001f") or a short name ("hevc"); null for audio-only.</summary>
    public string? VideoCodec { get; set; }

    /// <summary>Ingest audio codec ("mp4a.40.2", "mp3"); null for video-only.</summary>
    public string? AudioCodec { get; set; }

    /// <summary>Ingest picture size in pixels.</summary>
    public int? Width { get; set; }

    public int? Height { get; set; }

    /// <summary>Ingest frames per second (measured, else from metadata).</summary>
    public double? FrameRate { get; set; }

    /// <summary>Ingest bitrate in kbit/s (audio + video), the last value measured.</summary>
    public int? BitrateKbps { get; set; }

    /// <summary>The publisher's "encoder" metadata (for example "obs-output module (libobs version 30.0.2)").</summary>
    public string? Encoder { get; set; }

    /// <summary>How many times a publisher reconnected within the grace and resumed this session.</summary>
    public int Reconnects { get; set; }

    /// <summary>Highest concurrent viewer count seen; null until presence reports one.</summary>
    public int? PeakViewers { get; set; }

    /// <summary>Why the session ended ("publisher-left", "server-stopped", "interrupted"); null while live.</summary>
    public string? EndReason { get; set; }
}
