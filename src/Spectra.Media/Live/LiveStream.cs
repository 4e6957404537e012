using Microsoft.Extensions.Logging;
using Spectra.Media.Delivery;
using Spectra.Media.Flv;
using Spectra.Media.Hls;
using Spectra.Media.Live.Internal;
using Spectra.Media.Packaging;
using Spectra.Media.Transcoding;

namespace Spectra.Media.Live;

/// <summary>
/// One live session of a channel. It owns its parts and their lifecycle, and nothing else:
/// <list type="bullet">
/// <item>its sources (<see cref="ILiveSource"/>, one at a time: <see cref="RtmpLiveSource"/> today), whose
/// timestamps it keeps on one timeline across reconnects;</item>
/// <item>the ingest analysis and ladder plan (<c>IngestAnalyzer</c>);</item>
/// <item>its outputs (<see cref="ILiveMediaOutput"/>): the <see cref="FlvFanOut"/> from the start, the
/// rendition set (<c>RenditionSet</c>: packagers, live windows, the <see cref="Hls.HlsStream"/> on the
/// origin, and the <c>TranscoderRun</c> for encoded rungs) once the ladder is planned;</item>
/// <item>health sampling (<c>HealthSampler</c>).</item>
/// </list>
/// Everything it starts (ffmpeg, sockets, timers, temp files) stops with <see cref="StopAsync"/>.
/// </summary>
/// <remarks>
/// The ladder is planned once per session. An audio-only source is reported with
/// <see cref="IngestWarnings.AudioOnly"/> and by default not served (the plan is made again if H.264
/// video shows up); with <see cref="LadderOptions.AudioOnlyRendition"/> it is served as a single
/// audio-only rendition, and video arriving later is ignored until the publisher reconnects. Video
/// the transcoder cannot decode (H.265, AV1...) is not transcoded: the session stays up and reports
/// <see cref="IngestWarnings.UnsupportedVideoCodec"/>.
/// </remarks>
public sealed class LiveStream : IAsyncDisposable
{
    private readonly LadderOptions _ladder;
    private readonly LiveStreamOptions _options;
    private readonly PackagerOptions _packagerOptions;
    private readonly HlsStreamRegistry _registry;
    private readonly ILoggerFactory _loggerFactory;
    private readonly ILogger _logger;
    private readonly TimeProvider _time;
    private readonly IngestAnalyzer _ingest;
    private readonly HealthSampler _health;
    private readonly TimestampRebaser _timeline = new();
    private readonly Lock _ingestLock = new();
    private readonly Lock _lifecycleLock = new();
    private ILiveMediaOutput[] _outputs = [];
    private FlvFanOut? _flv;
    private RenditionSet? _renditions;
    private ILiveSource? _source;
    private int _sources;
    private Task? _stopTask;
    private int _stopRequested;

    internal LiveStream(
        string channelName,
        LadderOptions ladderOptions,
        LiveStreamOptions options,
        PackagerOptions packagerOptions,
        HlsStreamRegistry registry,
        ILoggerFactory loggerFactory,
        TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(channelName);
        if (!HlsNames.IsValid(channelName))
        {
            throw new ArgumentException($"Channel name '{channelName}' must be 1–64 characters of [A-Za-z0-9_-].", nameof(channelName));
        }

        _ladder = ladderOptions ?? throw new ArgumentNullException(nameof(ladderOptions));
        _options = options ?? throw new ArgumentNullException(nameof(options));
        _packagerOptions = packagerOptions ?? throw new ArgumentNullException(nameof(packagerOptions));
        _registry = registry ?? throw new ArgumentNullException(nameof(registry));
        _loggerFactory = loggerFactory ?? throw new ArgumentNullException(nameof(loggerFactory));
        _time = time ?? throw new ArgumentNullException(nameof(time));
        options.Validate();
        packagerOptions.Validate();
        _logger = loggerFactory.CreateLogger<LiveStream>();
        ChannelName = channelName;
        StartedAt = time.GetUtcNow();
        _ingest = new IngestAnalyzer(channelName, ladderOptions, options, _logger);
        _health = new HealthSampler(channelName, _ingest, () => Volatile.Read(ref _renditions)?.Transcoder,
            () => (Volatile.Read(ref _source) as ILiveTransportSource)?.ReadTransportStatistics(), options, time, _logger,
            health => HealthSampled?.Invoke(this, health));
        LiveStreamLog.Started(_logger, channelName);
    }

    public string ChannelName { get; }

    public DateTimeOffset StartedAt { get; }

    /// <summary>The ladder, once the codecs are known; null before.</summary>
    internal LadderPlan? Plan => _ingest.Plan;

    /// <summary>What the origin serves for this session; null until the renditions start.</summary>
    internal HlsStream? HlsStream => Volatile.Read(ref _renditions)?.HlsStream;

    /// <summary>Process id of the running ffmpeg; null when none runs (always in passthrough mode).</summary>
    public int? TranscoderProcessId => Volatile.Read(ref _renditions)?.Transcoder?.Current?.ProcessId;

    /// <summary>ffmpeg restarts after unexpected exits.</summary>
    public int TranscoderRestarts => Volatile.Read(ref _renditions)?.Transcoder?.Restarts ?? 0;

    public bool IsStopped => Volatile.Read(ref _stopRequested) != 0;

    /// <summary>The latest health sample (an empty one before the first).</summary>
    public IngestHealth CurrentHealth => _health.Current;

    /// <summary>The publisher's "encoder" metadata string, if it sent one.</summary>
    public string? Encoder => _ingest.Encoder;

    /// <summary>The source publishing now; null before the first and between a source's end and the next.</summary>
    public ILiveSource? Source => Volatile.Read(ref _source);

    /// <summary>
    /// The FLV output (HTTP-FLV, WebSocket-FLV, RTMP play); null when the session was started without one.
    /// Completed when the session stops.
    /// </summary>
    public FlvFanOut? Flv => Volatile.Read(ref _flv);

    /// <summary>Raised once, when every rendition has its first segment.</summary>
    public event Action<LiveStream>? FirstSegmentReady;

    /// <summary>Raised every <see cref="LiveStreamOptions.HealthInterval"/> on a timer thread.</summary>
    public event Action<LiveStream, IngestHealth>? HealthSampled;

    /// <summary>Raised once <see cref="StopAsync"/> has released everything.</summary>
    public event Action<LiveStream>? Stopped;

    /// <summary>The renditions exist (packagers and live windows made from the ladder plan); raised once, under the ingest lock.</summary>
    internal event Action<HlsStream>? RenditionsStarted;

    /// <summary>
    /// Adds an output: it receives the stream's media from the next tag on (join at a keyframe is the
    /// output's business). Outputs subscribed when the stream stops are completed.
    /// </summary>
    public void Subscribe(ILiveMediaOutput output)
    {
        ArgumentNullException.ThrowIfNull(output);
        lock (_ingestLock)
        {
            if (IsStopped)
            {
                output.Complete();
                return;
            }

            _outputs = [.. _outputs, output];
        }
    }

    /// <summary>Removes an output; it gets no more media (and is not completed by the stream).</summary>
    public void Unsubscribe(ILiveMediaOutput output)
    {
        lock (_ingestLock)
        {
            _outputs = Array.FindAll(_outputs, o => !ReferenceEquals(o, output));
        }
    }

    /// <summary>
    /// The publisher has gone: ffmpeg gets end of input and flushes (killed with its process tree
    /// after <see cref="LadderOptions.StopTimeout"/>), is reaped, and the HLS stream is ended (playlists get
    /// EXT-X-ENDLIST; the registry drops it after <see cref="HlsStreamRegistry.EndedStreamLinger"/>). Idempotent.
    /// </summary>
    public Task StopAsync()
    {
        lock (_lifecycleLock)
        {
            return _stopTask ??= StopCoreAsync();
        }
    }

    public async ValueTask DisposeAsync() => await StopAsync().ConfigureAwait(false);

    /// <summary>Starts the FLV output; called once by <see cref="LiveStreamManager"/> before any tag arrives.</summary>
    internal void StartFlvFanOut(FlvFanOutOptions options)
    {
        var flv = new FlvFanOut(ChannelName, options, _time, _loggerFactory.CreateLogger<FlvFanOut>());
        Volatile.Write(ref _flv, flv);
        Subscribe(flv);
    }

    /// <summary>A source starts publishing to this stream; a source after the first continues its timeline.</summary>
    internal void Attach(ILiveSource source)
    {
        lock (_ingestLock)
        {
            if (_sources++ > 0)
            {
                _timeline.OnSourceChanged();
            }

            Volatile.Write(ref _source, source);
        }
    }

    /// <summary>The source has gone; the stream keeps running until its owner stops it (a new source may follow).</summary>
    internal void Detach(ILiveSource source) => Interlocked.CompareExchange(ref _source, null, source);

    /// <summary>
    /// The publisher's onMetaData (AMF0 values: double, string, bool, null). The analysis takes hints from it
    /// (width/height/framerate/videodatarate/audiodatarate in kbit/s, whether audio is announced, the encoder);
    /// outputs get it as it is.
    /// </summary>
    internal void OnMetadata(IReadOnlyDictionary<string, object?> metadata)
    {
        ArgumentNullException.ThrowIfNull(metadata);
        lock (_ingestLock)
        {
            if (IsStopped)
            {
                return;
            }

            foreach (var output in _outputs)
            {
                output.OnMetadata(metadata);
            }
        }

        _ingest.OnMetadata(metadata);
    }

    /// <summary>
    /// One audio (8) or video (9) tag body exactly as in FLV (AUDIODATA / VIDEODATA) with its timestamp in
    /// ms from the current source. Never blocks for long: outputs copy what they keep (the transcoder's
    /// queue drops, and counts, when full). Other tag types are ignored.
    /// </summary>
    internal void OnMediaTag(FlvTagType type, uint timestampMs, ReadOnlySpan<byte> tagBody)
    {
        if (IsStopped || type is not (FlvTagType.Audio or FlvTagType.Video) || tagBody.IsEmpty)
        {
            return;
        }

        _ingest.OnReceived(tagBody.Length);
        lock (_ingestLock)
        {
            if (IsStopped)
            {
                return;
            }

            timestampMs = _timeline.Rebase(timestampMs);
            var verdict = _ingest.OnMediaTag(type, timestampMs, tagBody);
            if (!verdict.Accepted)
            {
                return;
            }

            if (verdict.VideoConfigurationChanged)
            {
                _renditions?.OnVideoConfigurationChanged(verdict.Width, verdict.Height);
            }

            if (verdict.NewPlan is { CanTranscode: true } plan && _renditions is null)
            {
                StartRenditions(plan);
            }

            foreach (var output in _outputs)
            {
                output.OnMediaTag(type, timestampMs, tagBody);
            }
        }
    }

    /// <summary>Waits for <paramref name="task"/> at most <paramref name="timeout"/>; a timeout is not an error.</summary>
    internal static async Task WaitBoundedAsync(Task task, TimeSpan timeout)
    {
        try
        {
            await task.WaitAsync(timeout).ConfigureAwait(false);
        }
        catch (TimeoutException)
        {
        }
    }

    /// <summary>Called under the ingest lock once a plan with renditions exists.</summary>
    private void StartRenditions(LadderPlan plan)
    {
        var renditions = new RenditionSet(ChannelName, plan, _ingest, _ladder, _options, _packagerOptions, _registry, _loggerFactory, _logger,
            _time, StartedAt, RaiseFirstSegmentReady);
        Volatile.Write(ref _renditions, renditions);
        _outputs = [.. _outputs, renditions];
        try
        {
            RenditionsStarted?.Invoke(renditions.HlsStream);
        }
#pragma warning disable CA1031 // A subscriber's failure must not reach the ingest.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            LiveStreamLog.HandlerFailed(_logger, ChannelName, nameof(RenditionsStarted), ex);
        }
    }

    private void RaiseFirstSegmentReady()
    {
        try
        {
            FirstSegmentReady?.Invoke(this);
        }
#pragma warning disable CA1031 // A subscriber's failure must not reach the packager.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            LiveStreamLog.HandlerFailed(_logger, ChannelName, nameof(FirstSegmentReady), ex);
        }
    }

    private async Task StopCoreAsync()
    {
        ILiveMediaOutput[] outputs;
        lock (_ingestLock)
        {
            // Waits for a tag being handled; later tags are ignored and no rendition starts.
            Volatile.Write(ref _stopRequested, 1);
            outputs = _outputs;
            _outputs = [];
        }

        foreach (var output in outputs)
        {
            output.Complete();
        }

        await _health.DisposeAsync().ConfigureAwait(false);
        var renditions = Volatile.Read(ref _renditions);
        if (renditions is not null)
        {
            await renditions.StopAsync(_ladder.StopTimeout).ConfigureAwait(false);
        }

        var transcoder = renditions?.Transcoder;
        LiveStreamLog.Stopped(_logger, ChannelName, transcoder?.Restarts ?? 0, transcoder?.DroppedTags ?? 0, _ingest.LateTags);
        try
        {
            Stopped?.Invoke(this);
        }
#pragma warning disable CA1031 // A subscriber's failure must not fail the stop.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            LiveStreamLog.HandlerFailed(_logger, ChannelName, nameof(Stopped), ex);
        }
    }
}
