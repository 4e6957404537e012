using Spectra.Media.Flv;
using Spectra.Media.Live;
using Spectra.Rtmp;

namespace Spectra.Server.Live.Internal;

/// <summary>
/// One channel's <see cref="LiveStream"/> as the live area sees it. A publisher that reconnects within the
/// grace restarts its timestamps at about 0; they are rebased to continue right after the last forwarded one,
/// so the transcoder and the packagers keep one continuous timeline (the stall shows as a short gap in
/// wall-clock time, not a reset that players would have to resynchronise on).
/// </summary>
internal sealed class MediaLiveIngestStream : ILiveIngestStream
{
    /// <summary>Gap inserted between the last tag of the previous publisher and the first of the next (one 30 fps frame).</summary>
    private const long ReconnectGapMs = 33;

    private readonly LiveStream _stream;
    private readonly TimeProvider _time;
    private StreamHealth? _health;

    // Touched only by the publishing connection (one at a time) and by OnPublisherReconnected before the next one starts.
    private long _lastForwarded = -1;
    private long _offset;
    private bool _rebasePending;

    public MediaLiveIngestStream(LiveStream stream, ILiveIngestObserver observer, TimeProvider time)
    {
        _stream = stream;
        _time = time;
        stream.FirstSegmentReady += _ => observer.OnFirstSegmentReady();
        stream.HealthSampled += (_, sample) =>
        {
            var health = Map(sample);
            Volatile.Write(ref _health, health);
            observer.OnHealthSampled(health);
        };
    }

    public StreamHealth? CurrentHealth => Volatile.Read(ref _health);

    public void OnMetadata(IReadOnlyDictionary<string, object?> metadata) => _stream.OnMetadata(metadata);

    public void OnMediaMessage(RtmpMediaType type, uint timestampMs, ReadOnlySpan<byte> payload)
    {
        if (_rebasePending)
        {
            _offset = _lastForwarded < 0 ? 0 : _lastForwarded + ReconnectGapMs - timestampMs;
            _rebasePending = false;
        }

        var rebased = timestampMs + _offset;
        if (rebased < 0)
        {
            rebased = 0;
        }

        if (rebased > _lastForwarded)
        {
            _lastForwarded = rebased;
        }

        _stream.OnMediaTag(type == RtmpMediaType.Video ? FlvTagType.Video : FlvTagType.Audio, unchecked((uint)rebased), payload);
    }

    public void OnPublisherReconnected() => _rebasePending = true;

    public Task StopAsync() => _stream.StopAsync();

    private StreamHealth Map(IngestHealth sample)
    {
        var warnings = new List<StreamHealthWarning>();
        var flags = sample.Warnings;
        if (flags.HasFlag(IngestWarnings.UnsupportedVideoCodec))
        {
            warnings.Add(new(StreamHealthWarning.UnsupportedVideoCodec, $"Video codec '{sample.VideoCodec}' is not supported, so nothing can be shown. Set your encoder to H.264 (x264 or a hardware H.264 encoder)."));
        }

        if (flags.HasFlag(IngestWarnings.AudioOnly))
        {
            warnings.Add(new(StreamHealthWarning.NoVideo, "Only audio arrives. Add a video source in your encoder: viewers need video to watch."));
        }

        if (flags.HasFlag(IngestWarnings.UnsupportedAudioCodec))
        {
            warnings.Add(new(StreamHealthWarning.UnsupportedAudioCodec, $"Audio codec '{sample.AudioCodec}' is not supported; viewers get no sound. Set your encoder to AAC."));
        }

        if (flags.HasFlag(IngestWarnings.VideoOnly))
        {
            warnings.Add(new(StreamHealthWarning.NoAudio, "No audio arrives; viewers get a silent stream."));
        }

        if (flags.HasFlag(IngestWarnings.KeyframeIntervalTooLong))
        {
            warnings.Add(new(StreamHealthWarning.KeyframeInterval, $"Keyframe interval is {sample.KeyframeIntervalSeconds:0.#} s; set it to 2 s or less (OBS: Output → Keyframe Interval) for low latency and quality switching."));
        }

        if (flags.HasFlag(IngestWarnings.TranscoderSlow))
        {
            warnings.Add(new(StreamHealthWarning.TranscoderSlow, $"The server transcodes at {sample.TranscoderSpeed:0.00}× real time and falls behind. Lower your resolution or frame rate, or reduce the quality ladder."));
        }

        if (flags.HasFlag(IngestWarnings.TranscoderRestarting))
        {
            warnings.Add(new(StreamHealthWarning.TranscoderRestarted, "The transcoder restarted; viewers may have seen a short interruption."));
        }

        if (flags.HasFlag(IngestWarnings.DataDropped))
        {
            warnings.Add(new(StreamHealthWarning.DataDropped, "Media was dropped because the server could not keep up."));
        }

        if (flags.HasFlag(IngestWarnings.TimestampsOutOfOrder))
        {
            warnings.Add(new(StreamHealthWarning.TimestampsOutOfOrder, "Your encoder sent timestamps going backwards; those frames were dropped."));
        }

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
            warnings,
            sample.SampledAt == default ? _time.GetUtcNow().UtcDateTime : sample.SampledAt.UtcDateTime);
    }
}
