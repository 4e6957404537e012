using Microsoft.Extensions.Logging;
using Spectra.Media.Hls;
using Spectra.Media.Live.Internal;
using Spectra.Media.Packaging;
using Spectra.Media.Transcoding;

namespace Spectra.Media.Live;

/// <summary>
/// One live session of a channel: receives the publisher's FLV tags, plans the ladder once the
/// codecs are known, packages the source rendition in-process and runs ffmpeg under supervision for
/// the encoded ones (none in passthrough mode), with one <see cref="CmafPackager"/> and
/// <see cref="LiveWindow"/> per rendition, publishes the <see cref="HlsStream"/> and thumbnails,
/// and samples ingest health. Everything it starts (ffmpeg, sockets, timers, temp files) stops
/// with <see cref="StopAsync"/>.
/// </summary>
/// <remarks>
/// The ladder is planned once per session. An audio-only source is reported with
/// <see cref="IngestWarnings.AudioOnly"/> and by default not served (the plan is made again if H.264
/// video shows up); with <see cref="LadderOptions.AudioOnlyRendition"/> it is served as a single
/// audio-only rendition, and video arriving later is ignored until the publisher reconnects. Video
/// the transcoder cannot decode (H.265, AV1...) is not transcoded: the session stays up and reports
/// <see cref="IngestWarnings.UnsupportedVideoCodec"/>.
/// </remarks>
public sealed partial class LiveStream : IAsyncDisposable
{
    private readonly LadderOptions _ladder;
    private readonly LiveStreamOptions _options;
    private readonly PackagerOptions _packagerOptions;
    private readonly HlsStreamRegistry _registry;
    private readonly ILoggerFactory _loggerFactory;
    private readonly ILogger _logger;
    private readonly TimeProvider _time;
    private readonly FlvTagQueue _queue;
    private readonly ITimer _healthTimer;
    private readonly Lock _lifecycleLock = new();
    private readonly CancellationTokenSource _stopping = new();
    private readonly CancellationTokenSource _abort = new();
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
        _queue = new FlvTagQueue(options.MaxQueuedBytes, options.MaxQueuedTags);
        _lastSampleAt = StartedAt;
        _healthTimer = time.CreateTimer(static state => ((LiveStream)state!).SampleHealth(), this, options.HealthInterval, options.HealthInterval);
        Log.Started(_logger, channelName);
    }

    public string ChannelName { get; }

    public DateTimeOffset StartedAt { get; }

    /// <summary>The ladder, once the codecs are known; null before.</summary>
    internal LadderPlan? Plan => Volatile.Read(ref _plan);

    /// <summary>What the origin serves for this session; null until transcoding starts.</summary>
    internal HlsStream? HlsStream => Volatile.Read(ref _hlsStream);

    /// <summary>Process id of the running ffmpeg; null when none runs (always in passthrough mode).</summary>
    public int? TranscoderProcessId => Volatile.Read(ref _supervisor)?.Current?.ProcessId;

    /// <summary>ffmpeg restarts after unexpected exits.</summary>
    public int TranscoderRestarts => Volatile.Read(ref _supervisor)?.Restarts ?? 0;

    public bool IsStopped => Volatile.Read(ref _stopRequested) != 0;

    /// <summary>Raised once, when every rendition has its first segment.</summary>
    public event Action<LiveStream>? FirstSegmentReady;

    /// <summary>Raised every <see cref="LiveStreamOptions.HealthInterval"/> on a timer thread.</summary>
    public event Action<LiveStream, IngestHealth>? HealthSampled;

    /// <summary>Raised once <see cref="StopAsync"/> has released everything.</summary>
    public event Action<LiveStream>? Stopped;

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

    private async Task StopCoreAsync()
    {
        Volatile.Write(ref _stopRequested, 1);
        lock (_ingestLock)
        {
            // Waits for a tag being handled; later tags are ignored and no transcoding starts.
        }

        _flv?.Complete();
        await _healthTimer.DisposeAsync().ConfigureAwait(false);
        await _stopping.CancelAsync().ConfigureAwait(false);
        _queue.Complete();
        Task? writer = Volatile.Read(ref _writerTask);
        if (writer is not null)
        {
            await WaitBoundedAsync(writer, _ladder.StopTimeout).ConfigureAwait(false);
        }

        FfmpegSupervisor? supervisor = Volatile.Read(ref _supervisor);
        if (supervisor is not null)
        {
            await supervisor.DisposeAsync().ConfigureAwait(false);
        }

        if (_source is { } source)
        {
            await source.StopAsync(_ladder.StopTimeout).ConfigureAwait(false);
        }

        await _abort.CancelAsync().ConfigureAwait(false);
        if (writer is not null)
        {
            await WaitBoundedAsync(writer, _ladder.StopTimeout).ConfigureAwait(false);
        }

        _queue.DisposeRemaining();
        _preparedGeneration?.Dispose();
        DeleteSocketDirectory();
        if (Volatile.Read(ref _hlsStream) is { } hls)
        {
            _registry.End(ChannelName, hls);
        }

        Log.Stopped(_logger, ChannelName, supervisor?.Restarts ?? 0, _queue.DroppedTags, Interlocked.Read(ref _lateTags));
        try
        {
            Stopped?.Invoke(this);
        }
#pragma warning disable CA1031 // A subscriber's failure must not fail the stop.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            Log.HandlerFailed(_logger, ChannelName, nameof(Stopped), ex);
        }

        _stopping.Dispose();
        _abort.Dispose();
    }

    private static async Task WaitBoundedAsync(Task task, TimeSpan timeout)
    {
        try
        {
            await task.WaitAsync(timeout).ConfigureAwait(false);
        }
        catch (TimeoutException)
        {
        }
    }
}
