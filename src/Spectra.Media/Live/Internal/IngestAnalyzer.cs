using System.Globalization;
using Microsoft.Extensions.Logging;
using Spectra.Media.Flv;
using Spectra.Media.Transcoding;

namespace Spectra.Media.Live.Internal;

/// <summary>
/// Ingest analysis of one live stream: parses each tag's header, keeps the codecs, decoder
/// configurations, metadata hints and timestamps, rejects tags whose timestamp goes backwards within
/// their track, and plans the ladder once the tracks are known (or the probe time has passed).
/// </summary>
/// <remarks>
/// <see cref="OnMediaTag"/> and <see cref="OnMetadata"/> are called by one thread at a time (the
/// stream serializes them); <see cref="Snapshot"/> and the configurations are read from other threads,
/// so the state sits behind its own lock.
/// </remarks>
internal sealed class IngestAnalyzer
{
    private readonly Lock _lock = new();
    private readonly string _channel;
    private readonly LadderOptions _ladder;
    private readonly LiveStreamOptions _options;
    private readonly ILogger _logger;

    // Guarded by _lock.
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
    private IngestWarnings _planWarnings;
    private LadderPlan? _plan;
    private string? _encoder;

    private long _bytesReceived;
    private long _videoFrames;
    private long _lateTags;

    public IngestAnalyzer(string channel, LadderOptions ladder, LiveStreamOptions options, ILogger logger)
    {
        _channel = channel;
        _ladder = ladder;
        _options = options;
        _logger = logger;
    }

    /// <summary>The ladder, once planned; null before.</summary>
    public LadderPlan? Plan => Volatile.Read(ref _plan);

    /// <summary>The publisher's "encoder" metadata string, if it sent one.</summary>
    public string? Encoder => Volatile.Read(ref _encoder);

    /// <summary>Audio + video tag bytes received since the start.</summary>
    public long BytesReceived => Interlocked.Read(ref _bytesReceived);

    /// <summary>Video frames (not sequence headers) received since the start.</summary>
    public long VideoFrames => Interlocked.Read(ref _videoFrames);

    /// <summary>Tags dropped since the start because their timestamp went backwards within their track.</summary>
    public long LateTags => Interlocked.Read(ref _lateTags);

    /// <summary>The latest AVC and AAC sequence header tag bodies (null before they arrive).</summary>
    public (byte[]? Video, byte[]? Audio) Configurations
    {
        get
        {
            lock (_lock)
            {
                return (_videoConfig, _audioConfig);
            }
        }
    }

    /// <summary>
    /// The publisher's onMetaData (AMF0 values: double, string, bool, null). Used as hints:
    /// width/height/framerate/videodatarate/audiodatarate (kbit/s), whether audio is announced, the encoder.
    /// </summary>
    public void OnMetadata(IReadOnlyDictionary<string, object?> metadata)
    {
        if (metadata.TryGetValue("encoder", out var encoder) && encoder is string text)
        {
            Volatile.Write(ref _encoder, text);
        }

        lock (_lock)
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

    /// <summary>Counts the bytes of a tag as it arrives, before it is analysed.</summary>
    public void OnReceived(int bytes) => Interlocked.Add(ref _bytesReceived, bytes);

    /// <summary>Analyses one audio or video tag body; plans the ladder when the time has come.</summary>
    public IngestVerdict OnMediaTag(FlvTagType type, uint timestampMs, ReadOnlySpan<byte> tagBody)
    {
        lock (_lock)
        {
            if (_firstTimestamp < 0)
            {
                _firstTimestamp = timestampMs;
            }

            bool configurationChanged = false;
            bool accepted = type == FlvTagType.Video
                ? OnVideoTag(timestampMs, tagBody, out configurationChanged)
                : OnAudioTag(timestampMs, tagBody);
            if (!accepted)
            {
                return default;
            }

            var plan = _decided ? null : TryDecide(timestampMs);
            return new IngestVerdict(true, plan, configurationChanged, configurationChanged ? _video?.Width ?? 0 : 0, configurationChanged ? _video?.Height ?? 0 : 0);
        }
    }

    /// <summary>What the health sample needs of the ingest, read consistently.</summary>
    public IngestSnapshot Snapshot()
    {
        lock (_lock)
        {
            var warnings = IngestWarnings.None;
            long sinceKeyframe = _lastKeyframeTimestamp >= 0 ? _lastVideoTimestamp - _lastKeyframeTimestamp : -1;
            double maxMs = _options.MaxKeyframeInterval.TotalMilliseconds;
            if (_keyframeIntervalMs > maxMs || sinceKeyframe > maxMs)
            {
                warnings |= IngestWarnings.KeyframeIntervalTooLong;
            }

            warnings |= _planWarnings;
            if (!_decided && _audio is not null && _video is null && _videoCodecSeen is null)
            {
                warnings |= IngestWarnings.AudioOnly; // still probing, but nothing but audio so far
            }

            return new IngestSnapshot(
                _video?.CodecString ?? _videoCodecSeen?.ToString().ToLowerInvariant(),
                _audio?.CodecString,
                _video?.Width ?? 0,
                _video?.Height ?? 0,
                _keyframeIntervalMs >= 0 ? _keyframeIntervalMs / 1000.0 : null,
                warnings);
        }
    }

    private bool OnVideoTag(uint timestampMs, ReadOnlySpan<byte> body, out bool configurationChanged)
    {
        configurationChanged = false;
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

            configurationChanged = changed;
            if (first && info is not null)
            {
                LiveStreamLog.VideoDetected(_logger, _channel, info.CodecString, info.Width, info.Height);
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
                LiveStreamLog.AudioDetected(_logger, _channel, info.CodecString, info.SampleRate, info.Channels);
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
    private LadderPlan? TryDecide(uint timestampMs)
    {
        bool probeOver = timestampMs - _firstTimestamp >= (long)_options.ProbeDuration.TotalMilliseconds;
        bool videoKnown = _video is not null || (_videoCodecSeen is { } seen && seen != FlvVideoCodec.H264);
        bool audioKnown = _audio is not null;
        bool decide = videoKnown ? audioKnown || probeOver || _metadataHasAudio == false : probeOver;
        if (!decide)
        {
            return null;
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
        LiveStreamLog.Planned(_logger, _channel, string.Join(", ", plan.Renditions.Select(Describe)), plan.Warnings.ToString());
        return plan;
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
