using Microsoft.Extensions.Logging;
using Spectra.Media.Flv;
using Spectra.Media.Hls;
using Spectra.Media.Packaging;
using Spectra.Media.Transcoding;

namespace Spectra.Media.Live.Internal;

/// <summary>
/// The renditions of one live stream, made from its ladder plan: a <see cref="CmafPackager"/> and
/// <see cref="LiveWindow"/> per rendition, the source rendition packaged in-process
/// (<see cref="SourcePackager"/>), a <see cref="TranscoderRun"/> for the encoded ones (none in
/// passthrough mode), the <see cref="Hls.HlsStream"/> the origin serves, and the moment every rendition
/// has its first segment. As an output of the stream it receives the accepted tags from the plan on.
/// </summary>
internal sealed class RenditionSet : ILiveMediaOutput
{
    private readonly string _channel;
    private readonly LadderPlan _plan;
    private readonly HlsStreamRegistry _registry;
    private readonly ILogger _logger;
    private readonly TimeProvider _time;
    private readonly DateTimeOffset _startedAt;
    private readonly Action _firstSegmentReady;
    private readonly CancellationTokenSource _abort = new();
    private readonly SourcePackager? _source;
    private readonly TranscoderRun? _transcoder;
    private readonly HlsStream _hls;
    private int _firstSegmentRaised;

    /// <summary>
    /// Builds the packagers and publishes the stream on the origin; starts ffmpeg when there are encoded
    /// renditions. Called with the stream's ingest serialized, before any tag reaches the set.
    /// </summary>
    /// <param name="firstSegmentReady">Called once, on a packager's thread, when every rendition has a segment.</param>
    public RenditionSet(
        string channel,
        LadderPlan plan,
        IngestAnalyzer ingest,
        LadderOptions ladder,
        LiveStreamOptions options,
        PackagerOptions packagerOptions,
        HlsStreamRegistry registry,
        ILoggerFactory loggerFactory,
        ILogger logger,
        TimeProvider time,
        DateTimeOffset startedAt,
        Action firstSegmentReady)
    {
        _channel = channel;
        _plan = plan;
        _registry = registry;
        _logger = logger;
        _time = time;
        _startedAt = startedAt;
        _firstSegmentReady = firstSegmentReady;
        var renditions = new HlsRendition[plan.Renditions.Count];
        var encoded = new List<CmafPackager>(plan.Renditions.Count);
        var packagerLogger = loggerFactory.CreateLogger<CmafPackager>();
        var (videoConfig, audioConfig) = ingest.Configurations;
        for (int i = 0; i < renditions.Length; i++)
        {
            var info = ToRenditionInfo(plan.Renditions[i], plan.FrameRate);
            var window = new LiveWindow(packagerOptions);
            window.SegmentAdded += OnSegmentAdded;
            var packager = new CmafPackager(info, window, packagerOptions, time, packagerLogger);
            if (plan.Renditions[i].IsPassthrough && _source is null)
            {
                _source = new SourcePackager(packager, plan.IncludesVideo, plan.IncludesAudio, (int)packagerOptions.PartTargetDuration.TotalMilliseconds,
                    videoConfig, audioConfig, channel, logger, _abort.Token);
            }
            else
            {
                encoded.Add(packager);
            }

            renditions[i] = new HlsRendition(info, window);
        }

        _hls = new HlsStream(channel, renditions);
        registry.Publish(_hls);
        if (encoded.Count == 0)
        {
            return;
        }

        var transcodePlan = _source is null ? plan : plan with { Renditions = [.. plan.Renditions.Where(r => !r.IsPassthrough)] };
        _transcoder = new TranscoderRun(channel, transcodePlan, [.. encoded], ladder, options, packagerOptions, registry, ingest,
            loggerFactory, logger, time, _abort.Token);
        _transcoder.Start();
    }

    /// <summary>What the origin serves.</summary>
    public HlsStream HlsStream => _hls;

    /// <summary>Null when every rendition is the source's own (passthrough).</summary>
    public TranscoderRun? Transcoder => _transcoder;

    public void OnMetadata(IReadOnlyDictionary<string, object?> metadata)
    {
        // Renditions are described by the plan, not by the publisher's metadata.
    }

    /// <summary>Hands a tag of a planned track to the source packager and the transcoder's queue.</summary>
    public void OnMediaTag(FlvTagType type, uint timestampMs, ReadOnlySpan<byte> tagBody)
    {
        if (type == FlvTagType.Video ? _plan.IncludesVideo : _plan.IncludesAudio)
        {
            _source?.OnTag(type, timestampMs, tagBody);
            _transcoder?.Enqueue(type, timestampMs, tagBody);
        }
    }

    /// <summary>The stream's video configuration changed: ffmpeg restarts from the new one (the source packager notices by itself).</summary>
    public void OnVideoConfigurationChanged(int width, int height) => _transcoder?.RestartForNewConfiguration(width, height);

    public void Complete()
    {
        // Stopping flushes the packagers: see StopAsync.
    }

    /// <summary>
    /// Flushes and stops: ffmpeg gets end of input (bounded by <paramref name="timeout"/>), the source
    /// packager closes its generation, the packagers are aborted, and the HLS stream ends on the origin.
    /// </summary>
    public async Task StopAsync(TimeSpan timeout)
    {
        if (_transcoder is not null)
        {
            await _transcoder.StopInputAsync().ConfigureAwait(false);
        }

        if (_source is not null)
        {
            await _source.StopAsync(timeout).ConfigureAwait(false);
        }

        await _abort.CancelAsync().ConfigureAwait(false);
        if (_transcoder is not null)
        {
            await _transcoder.ReleaseAsync().ConfigureAwait(false);
        }

        _registry.End(_channel, _hls);
        _abort.Dispose();
    }

    private static RenditionInfo ToRenditionInfo(PlannedRendition rendition, double frameRate)
    {
        // Passthrough bit rates are estimates of the source's total (video: in MaxRateKbps with 20 %
        // margin; audio-only: in AudioBitrateKbps); encoded ones are the configured targets.
        int peakKbps = rendition.IsPassthrough
            ? Math.Max(rendition.MaxRateKbps, rendition.AudioBitrateKbps * 6 / 5)
            : rendition.MaxRateKbps + rendition.AudioBitrateKbps;
        int averageKbps = rendition.VideoBitrateKbps + rendition.AudioBitrateKbps;
        return new RenditionInfo(rendition.Name, rendition.Width, rendition.Height, frameRate,
            peakKbps * 1000, averageKbps * 1000, rendition.IsPassthrough);
    }

    private void OnSegmentAdded(LiveWindow window)
    {
        if (Volatile.Read(ref _firstSegmentRaised) != 0)
        {
            return;
        }

        foreach (var rendition in _hls.Renditions)
        {
            if (rendition.Window.SegmentCount == 0)
            {
                return;
            }
        }

        if (Interlocked.Exchange(ref _firstSegmentRaised, 1) == 0)
        {
            LiveStreamLog.FirstSegmentReady(_logger, _channel, (_time.GetUtcNow() - _startedAt).TotalMilliseconds);
            _firstSegmentReady();
        }
    }
}
