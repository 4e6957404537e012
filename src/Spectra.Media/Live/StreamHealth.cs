namespace Spectra.Media.Live;

/// <summary>
/// One sample of a live channel's ingest and transcoder health, as the creator's dashboard shows it:
/// an <see cref="IngestHealth"/> read by <see cref="From"/>, with its flags turned into warnings in words. Null members
/// are not known (yet). Rates are measured over the last sampling interval (about 2 s).
/// </summary>
/// <param name="BitrateKbps">Incoming bitrate, audio + video, kbit/s.</param>
/// <param name="FrameRate">Incoming video frames per second.</param>
/// <param name="KeyframeIntervalSeconds">Seconds between the last two incoming keyframes.</param>
/// <param name="VideoCodec">RFC 6381 codec string ("avc1.64001f") or a short name ("hevc"); null without video.</param>
/// <param name="AudioCodec">"mp4a.40.2", "mp3"...; null without audio.</param>
/// <param name="Width">Incoming picture width in pixels.</param>
/// <param name="Height">Incoming picture height in pixels.</param>
/// <param name="DroppedMessages">Media messages dropped since the session started because the transcoder could not keep up.</param>
/// <param name="LateMessages">Media messages that arrived with timestamps going backwards or far behind the wall clock.</param>
/// <param name="TranscoderSpeed">Transcoder throughput relative to real time (1.0 = real time); null when not transcoding.</param>
/// <param name="Warnings">What the creator should fix.</param>
/// <param name="SampledAt">UTC.</param>
public sealed record StreamHealth(
    double? BitrateKbps,
    double? FrameRate,
    double? KeyframeIntervalSeconds,
    string? VideoCodec,
    string? AudioCodec,
    int? Width,
    int? Height,
    long DroppedMessages,
    long LateMessages,
    double? TranscoderSpeed,
    IReadOnlyList<StreamHealthWarning> Warnings,
    DateTime SampledAt)
{
    /// <summary>The SRT link from the publisher (RTT, loss, retransmissions, unrecovered drops); null for RTMP.</summary>
    public LiveTransportStatistics? Transport { get; init; }

    /// <summary>The sample as the dashboard shows it; <paramref name="time"/> dates a sample that carries no time.</summary>
    public static StreamHealth From(IngestHealth sample, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(sample);
        ArgumentNullException.ThrowIfNull(time);
        return new StreamHealth(
            sample.IncomingBitsPerSecond / 1000.0,
            sample.FramesPerSecond,
            sample.KeyframeIntervalSeconds,
            sample.VideoCodec,
            sample.AudioCodec,
            sample.Width > 0 ? sample.Width : null,
            sample.Height > 0 ? sample.Height : null,
            sample.DroppedTags + sample.TranscoderDroppedFrames,
            sample.LateTags,
            sample.TranscoderSpeed,
            StreamHealthWarning.From(sample),
            sample.SampledAt == default ? time.GetUtcNow().UtcDateTime : sample.SampledAt.UtcDateTime)
        {
            Transport = sample.Transport,
        };
    }
}
