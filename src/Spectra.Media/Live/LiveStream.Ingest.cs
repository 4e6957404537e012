using System.Globalization;
using Spectra.Media.Flv;
using Spectra.Media.Transcoding;

namespace Spectra.Media.Live;

public sealed partial class LiveStream
{
    private readonly Lock _ingestLock = new();

    // Guarded by _ingestLock.
    private VideoCodecInfo? _video;
    private AudioCodecInfo? _audio;
    private FlvVideoCodec? _videoCodecSeen;
    private byte[]? _videoConfig;
    private byte[]? _audioConfig;
    private long _firstTimestamp = -1;
    private long _lastVideoTimestamp = -1;
    private long _lastAudioTimestamp = -1;
    private long _lastKeyframeTimestamp = -1;
    private long _keyframeIntervalMs = -1;
    private long _firstVideoFrameTimestamp = -1;
    private long _probeVideoFrames;
    private double _metadataFrameRate;
    private int _metadataBitrateKbps;
    private int _metadataWidth;
    private int _metadataHeight;
    private bool? _metadataHasAudio;
    private bool _decided;
    private bool _transcoding;
    private IngestWarnings _planWarnings;
    private LadderPlan? _plan;

    // Read by the health timer.
    private long _bytesReceived;
    private long _videoFrames;
    private long _lateTags;

    /// <summary>
    /// The publisher's onMetaData (AMF0 values: double, string, bool, null). Used as hints:
    /// width/height/framerate/videodatarate/audiodatarate (kbit/s) and whether audio is announced.
    /// </summary>
    public void OnMetadata(IReadOnlyDictionary<string, object?> metadata)
    {
        ArgumentNullException.ThrowIfNull(metadata);
        _flv?.OnMetadata(metadata);
        lock (_ingestLock)
        {
            _metadataFrameRate = Number(metadata, "framerate") is > 0 and var fr ? fr : Number(metadata, "fps");
            _metadataWidth = (int)Number(metadata, "width");
            _metadataHeight = (int)Number(metadata, "height");
            _metadataBitrateKbps = (int)(Number(metadata, "videodatarate") + Number(metadata, "audiodatarate"));
            if (metadata.TryGetValue("audiocodecid", out var audioCodec) || metadata.ContainsKey("audiodatarate"))
            {
                _metadataHasAudio = audioCodec is not null || Number(metadata, "audiodatarate") > 0;
            }
            else if (metadata.TryGetValue("hasAudio", out var hasAudio) && hasAudio is bool announced)
            {
                _metadataHasAudio = announced;
            }
        }
    }

    /// <summary>
    /// One audio (8) or video (9) tag body exactly as in FLV (AUDIODATA / VIDEODATA) with its
    /// absolute timestamp in ms. Never blocks for long: the tag is copied into a pooled buffer and
    /// queued for ffmpeg (dropped, and counted, when the queue is full). Other tag types are ignored.
    /// </summary>
    public void OnMediaTag(FlvTagType type, uint timestampMs, ReadOnlySpan<byte> tagBody)
    {
        if (Volatile.Read(ref _stopRequested) != 0 || type is not (FlvTagType.Audio or FlvTagType.Video) || tagBody.IsEmpty)
        {
            return;
        }

        Interlocked.Add(ref _bytesReceived, tagBody.Length);
        _flv?.OnMediaTag(type, timestampMs, tagBody);
        lock (_ingestLock)
        {
            if (Volatile.Read(ref _stopRequested) != 0)
            {
                return;
            }

            if (_firstTimestamp < 0)
            {
                _firstTimestamp = timestampMs;
            }

            bool accepted = type == FlvTagType.Video ? OnVideoTag(timestampMs, tagBody) : OnAudioTag(timestampMs, tagBody);
            if (!accepted)
            {
                return;
            }

            if (!_decided)
            {
                TryDecide(timestampMs);
            }

            if (_transcoding && (type == FlvTagType.Video ? _plan!.IncludesVideo : _plan!.IncludesAudio))
            {
                _source?.OnTag(type, timestampMs, tagBody);
                if (_supervisor is not null)
                {
                    _queue.TryEnqueue(type, timestampMs, tagBody);
                }
            }
        }
    }

    private bool OnVideoTag(uint timestampMs, ReadOnlySpan<byte> body)
    {
        if (!FlvVideoTagHeader.TryParse(body, out var header))
        {
            return false;
        }

        if (header.IsSequenceHeader)
        {
            FlvCodecDetector.TryDetectVideo(body, out var info, out _);
            bool first = _video is null;
            bool changed = _videoConfig is not null && !body.SequenceEqual(_videoConfig);
            _video = info;
            _videoCodecSeen = header.Codec;
            if (first || changed)
            {
                _videoConfig = body.ToArray();
            }

            if (changed && _transcoding && Volatile.Read(ref _supervisor)?.Current is { } running)
            {
                // New SPS/PPS (resolution, profile...): the passthrough's init segment and the
                // decoder set-up are stale. A new generation starts from the new configuration,
                // with a new init segment and a discontinuity in every playlist.
                Log.SourceConfigurationChanged(_logger, ChannelName, info?.Width ?? 0, info?.Height ?? 0, running.ProcessId);
                running.Kill();
            }
            if (first && info is not null)
            {
                Log.VideoDetected(_logger, ChannelName, info.CodecString, info.Width, info.Height);
            }

            if (_decided && _plan is { CanTranscode: false } plan && plan.Warnings.HasFlag(LadderWarnings.NoVideo))
            {
                _decided = false; // audio-only so far: plan again with the video
            }

            return true;
        }

        if (timestampMs < _lastVideoTimestamp)
        {
            Interlocked.Increment(ref _lateTags);
            return false;
        }

        _lastVideoTimestamp = timestampMs;
        _videoCodecSeen ??= header.Codec;
        Interlocked.Increment(ref _videoFrames);
        if (header.FrameType == FlvVideoFrameType.Keyframe)
        {
            if (_lastKeyframeTimestamp >= 0)
            {
                _keyframeIntervalMs = timestampMs - _lastKeyframeTimestamp;
            }

            _lastKeyframeTimestamp = timestampMs;
        }

        if (!_decided)
        {
            if (_firstVideoFrameTimestamp < 0)
            {
                _firstVideoFrameTimestamp = timestampMs;
            }

            _probeVideoFrames++;
        }

        return true;
    }

    private bool OnAudioTag(uint timestampMs, ReadOnlySpan<byte> body)
    {
        if (!FlvAudioTagHeader.TryParse(body, out var header))
        {
            return false;
        }

        if (header.IsSequenceHeader || (_audio is null && header.Codec != FlvAudioCodec.Aac))
        {
            FlvCodecDetector.TryDetectAudio(body, out var info, out _);
            if (_audio is null && info is not null)
            {
                Log.AudioDetected(_logger, ChannelName, info.CodecString, info.SampleRate, info.Channels);
            }

            _audio = info;
            if (header.IsSequenceHeader)
            {
                _audioConfig = body.ToArray();
                return true;
            }
        }

        if (timestampMs < _lastAudioTimestamp)
        {
            Interlocked.Increment(ref _lateTags);
            return false;
        }

        _lastAudioTimestamp = timestampMs;
        return true;
    }

    /// <summary>Plans once both tracks are known, or the probe time has passed without one of them.</summary>
    private void TryDecide(uint timestampMs)
    {
        bool probeOver = timestampMs - _firstTimestamp >= (long)_options.ProbeDuration.TotalMilliseconds;
        bool videoKnown = _video is not null || (_videoCodecSeen is { } seen && seen != FlvVideoCodec.H264);
        bool audioKnown = _audio is not null;
        bool decide = videoKnown ? audioKnown || probeOver || _metadataHasAudio == false : probeOver;
        if (!decide)
        {
            return;
        }

        var video = _video;
        if (video is null && _videoCodecSeen is { } codec)
        {
            video = new VideoCodecInfo(codec, _metadataWidth, _metadataHeight, codec == FlvVideoCodec.H264 ? "avc1" : codec.ToString().ToLowerInvariant());
        }
        else if (video is { Width: 0 } && _metadataWidth > 0)
        {
            video = video with { Width = _metadataWidth, Height = _metadataHeight };
        }

        double frameRate = _metadataFrameRate;
        if (frameRate <= 0 && _probeVideoFrames > 1 && _lastVideoTimestamp > _firstVideoFrameTimestamp)
        {
            frameRate = Math.Round((_probeVideoFrames - 1) * 1000.0 / (_lastVideoTimestamp - _firstVideoFrameTimestamp), 2);
        }

        int bitrateKbps = _metadataBitrateKbps;
        long elapsedMs = timestampMs - _firstTimestamp;
        if (bitrateKbps <= 0 && elapsedMs > 0)
        {
            bitrateKbps = (int)(Interlocked.Read(ref _bytesReceived) * 8 / elapsedMs);
        }

        var plan = LadderPlanner.Plan(new SourceMediaInfo(video, _audio, frameRate, bitrateKbps), _ladder);
        _decided = true;
        _planWarnings = ToIngestWarnings(plan.Warnings);
        Volatile.Write(ref _plan, plan);
        Log.Planned(_logger, ChannelName, string.Join(", ", plan.Renditions.Select(Describe)), plan.Warnings.ToString());
        if (plan.CanTranscode && !_transcoding)
        {
            _transcoding = true;
            StartTranscoding(plan);
        }
    }

    private static string Describe(PlannedRendition r) => r.IsPassthrough
        ? string.Create(CultureInfo.InvariantCulture, $"{r.Name} {r.Width}x{r.Height} copy")
        : string.Create(CultureInfo.InvariantCulture, $"{r.Name} {r.Width}x{r.Height} {r.VideoBitrateKbps}k");

    private static IngestWarnings ToIngestWarnings(LadderWarnings warnings)
    {
        var result = IngestWarnings.None;
        result |= warnings.HasFlag(LadderWarnings.UnsupportedVideoCodec) ? IngestWarnings.UnsupportedVideoCodec : 0;
        result |= warnings.HasFlag(LadderWarnings.UnsupportedAudioCodec) ? IngestWarnings.UnsupportedAudioCodec : 0;
        result |= warnings.HasFlag(LadderWarnings.NoVideo) ? IngestWarnings.AudioOnly : 0;
        result |= warnings.HasFlag(LadderWarnings.NoAudio) ? IngestWarnings.VideoOnly : 0;
        return result;
    }

    private static double Number(IReadOnlyDictionary<string, object?> metadata, string key) =>
        metadata.TryGetValue(key, out var value) ? value switch
        {
            double d when double.IsFinite(d) => d,
            int i => i,
            long l => l,
            float f when float.IsFinite(f) => f,
            string s when double.TryParse(s, NumberStyles.Float, CultureInfo.InvariantCulture, out double parsed) => parsed,
            _ => 0,
        } : 0;
}
