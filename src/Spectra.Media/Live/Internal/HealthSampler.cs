using Microsoft.Extensions.Logging;
using Spectra.Media.Transcoding;

namespace Spectra.Media.Live.Internal;

/// <summary>
/// Health sampling of one live stream: every <see cref="LiveStreamOptions.HealthInterval"/> it reads the
/// ingest counters and the transcoder's progress, turns them into an <see cref="IngestHealth"/> with
/// <see cref="IngestWarnings"/>, and is the transcoder's watchdog (an ffmpeg silent for
/// <see cref="LiveStreamOptions.TranscoderStallTimeout"/> while media arrives is killed and restarted).
/// </summary>
internal sealed class HealthSampler : IAsyncDisposable
{
    private readonly string _channel;
    private readonly IngestAnalyzer _ingest;
    private readonly Func<TranscoderRun?> _transcoder;
    private readonly Func<LiveTransportStatistics?> _transport;
    private readonly LiveStreamOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly Action<IngestHealth> _sampled;
    private readonly ITimer _timer;
    private IngestHealth _current = new();
    private DateTimeOffset _lastSampleAt;
    private long _lastSampleBytes;
    private long _lastSampleFrames;
    private long _lastSampleDropped;
    private long _lastSampleLate;
    private int _lastSampleRestarts;
    private long _lastSampleLinkLoss;
    private int _sampling;
    private int _slowSamples;
    private int _disposed;
    private ProgressMark? _sampledProgress;

    /// <param name="transcoder">The stream's transcoder, once it has one.</param>
    /// <param name="transport">The current source's link statistics, when it has any.</param>
    /// <param name="sampled">Called with each sample on the timer's thread; a failure is logged, the timer goes on.</param>
    public HealthSampler(
        string channel,
        IngestAnalyzer ingest,
        Func<TranscoderRun?> transcoder,
        Func<LiveTransportStatistics?> transport,
        LiveStreamOptions options,
        TimeProvider time,
        ILogger logger,
        Action<IngestHealth> sampled)
    {
        _channel = channel;
        _ingest = ingest;
        _transcoder = transcoder;
        _transport = transport;
        _options = options;
        _time = time;
        _logger = logger;
        _sampled = sampled;
        _lastSampleAt = time.GetUtcNow();
        _timer = time.CreateTimer(static state => ((HealthSampler)state!).Sample(), this, options.HealthInterval, options.HealthInterval);
    }

    /// <summary>The latest sample (an empty one before the first).</summary>
    public IngestHealth Current => Volatile.Read(ref _current);

    public async ValueTask DisposeAsync()
    {
        Volatile.Write(ref _disposed, 1);
        await _timer.DisposeAsync().ConfigureAwait(false);
    }

    private void Sample()
    {
        if (Volatile.Read(ref _disposed) != 0 || Interlocked.Exchange(ref _sampling, 1) == 1)
        {
            return;
        }

        try
        {
            var health = TakeSample();
            Volatile.Write(ref _current, health);
            LiveStreamLog.HealthSampled(_logger, _channel, health.IncomingBitsPerSecond, health.FramesPerSecond, health.TranscoderSpeed ?? 0, health.Warnings.ToString());
            _sampled(health);
        }
#pragma warning disable CA1031 // The timer must survive a failing subscriber.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            LiveStreamLog.HandlerFailed(_logger, _channel, nameof(LiveStream.HealthSampled), ex);
        }
        finally
        {
            Volatile.Write(ref _sampling, 0);
        }
    }

    private IngestHealth TakeSample()
    {
        var now = _time.GetUtcNow();
        double seconds = Math.Max(0.001, (now - _lastSampleAt).TotalSeconds);
        _lastSampleAt = now;

        var transcoder = _transcoder();
        long bytes = _ingest.BytesReceived;
        long frames = _ingest.VideoFrames;
        long dropped = transcoder?.DroppedTags ?? 0;
        long late = _ingest.LateTags;
        long queued = transcoder?.QueuedBytes ?? 0;
        long bytesDelta = bytes - _lastSampleBytes;
        long framesDelta = frames - _lastSampleFrames;
        bool droppedNow = dropped > _lastSampleDropped;
        bool lateNow = late > _lastSampleLate;
        (_lastSampleBytes, _lastSampleFrames, _lastSampleDropped, _lastSampleLate) = (bytes, frames, dropped, late);

        var ingest = _ingest.Snapshot();
        var warnings = ingest.Warnings;
        int restarts = transcoder?.Restarts ?? 0;
        if (transcoder is not null && (restarts > _lastSampleRestarts || transcoder.Current is null))
        {
            warnings |= IngestWarnings.TranscoderRestarting;
        }

        _lastSampleRestarts = restarts;

        // Speed over the sample from ffmpeg's output clock, within one generation.
        var latest = transcoder?.LatestProgress;
        var previous = _sampledProgress;
        _sampledProgress = latest;
        double? speed = null;
        if (latest is not null && previous is not null && latest.Generation == previous.Generation && latest.Timestamp > previous.Timestamp)
        {
            double wall = _time.GetElapsedTime(previous.Timestamp, latest.Timestamp).TotalSeconds;
            double media = (latest.Progress.OutTimeMicroseconds - previous.Progress.OutTimeMicroseconds) / 1_000_000.0;
            speed = wall > 0.2 ? Math.Round(media / wall, 3) : null;
        }

        // One slow sample is normal right after a (re)start; two in a row are not.
        _slowSamples = speed < _options.MinTranscoderSpeed ? _slowSamples + 1 : speed is null ? _slowSamples : 0;
        if (_slowSamples >= 2 || queued > _options.MaxQueuedBytes / 2)
        {
            warnings |= IngestWarnings.TranscoderSlow;
        }

        if (KillIfStalled(transcoder?.Current, latest, now, bytesDelta))
        {
            warnings |= IngestWarnings.TranscoderRestarting;
        }

        // Loss the transport could not repair: counted per connection, so a new source starts a new count.
        var transport = _transport();
        long linkLoss = transport is null ? 0 : transport.PacketsDropped + transport.ContinuityErrors;
        warnings |= linkLoss > _lastSampleLinkLoss ? IngestWarnings.LinkLoss : 0;
        _lastSampleLinkLoss = linkLoss;
        warnings |= droppedNow ? IngestWarnings.DataDropped : 0;
        warnings |= lateNow ? IngestWarnings.TimestampsOutOfOrder : 0;
        bool sameGeneration = latest is not null && transcoder?.Current?.Generation == latest.Generation;
        return new IngestHealth
        {
            SampledAt = now,
            IncomingBitsPerSecond = (long)(bytesDelta * 8 / seconds),
            FramesPerSecond = Math.Round(framesDelta / seconds, 2),
            KeyframeIntervalSeconds = ingest.KeyframeIntervalSeconds,
            VideoCodec = ingest.VideoCodec,
            AudioCodec = ingest.AudioCodec,
            Width = ingest.Width,
            Height = ingest.Height,
            DroppedTags = dropped,
            LateTags = late,
            QueuedBytes = transcoder?.QueuedBytes ?? 0,
            TranscoderSpeed = speed,
            TranscoderFramesPerSecond = sameGeneration ? latest!.Progress.FramesPerSecond : null,
            TranscoderDroppedFrames = sameGeneration ? latest!.Progress.DroppedFrames : 0,
            TranscoderRestarts = restarts,
            Transport = transport,
            Warnings = warnings,
        };
    }

    /// <summary>Watchdog: a live ffmpeg that has been silent for the stall timeout while media arrives is killed (and restarted by the supervisor).</summary>
    private bool KillIfStalled(FfmpegProcess? current, ProgressMark? latest, DateTimeOffset now, long bytesDelta)
    {
        if (current is null || current.HasExited || bytesDelta == 0)
        {
            return false;
        }

        // Before its first progress block a process is probing and opening outputs, which on a busy
        // machine takes a while: it gets three times the timeout.
        bool reported = latest is not null && latest.Generation == current.Generation;
        TimeSpan silent = reported ? _time.GetElapsedTime(latest!.Timestamp) : now - current.StartedAt;
        if (silent < (reported ? _options.TranscoderStallTimeout : _options.TranscoderStallTimeout * 3))
        {
            return false;
        }

        LiveStreamLog.TranscoderStalled(_logger, _channel, current.ProcessId, silent.TotalSeconds);
        current.Kill();
        return true;
    }
}
