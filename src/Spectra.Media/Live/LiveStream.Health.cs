using Spectra.Media.Transcoding;

namespace Spectra.Media.Live;

public sealed partial class LiveStream
{
    private IngestHealth _currentHealth = new();
    private DateTimeOffset _lastSampleAt;
    private long _lastSampleBytes;
    private long _lastSampleFrames;
    private long _lastSampleDropped;
    private long _lastSampleLate;
    private int _lastSampleRestarts;
    private int _sampling;
    private int _slowSamples;
    private ProgressMark? _latestProgress;
    private ProgressMark? _sampledProgress;

    /// <summary>The latest health sample (an empty one before the first).</summary>
    public IngestHealth CurrentHealth => Volatile.Read(ref _currentHealth);

    private void OnProgress(FfmpegProcess process, FfmpegProgress progress) =>
        Volatile.Write(ref _latestProgress, new ProgressMark(process.Generation, progress, _time.GetTimestamp()));

    private void SampleHealth()
    {
        if (IsStopped || Interlocked.Exchange(ref _sampling, 1) == 1)
        {
            return;
        }

        try
        {
            var health = TakeSample();
            Volatile.Write(ref _currentHealth, health);
            Log.HealthSampled(_logger, ChannelName, health.IncomingBitsPerSecond, health.FramesPerSecond, health.TranscoderSpeed ?? 0, health.Warnings.ToString());
            HealthSampled?.Invoke(this, health);
        }
#pragma warning disable CA1031 // The timer must survive a failing subscriber.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            Log.HandlerFailed(_logger, ChannelName, nameof(HealthSampled), ex);
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

        long bytes = Interlocked.Read(ref _bytesReceived);
        long frames = Interlocked.Read(ref _videoFrames);
        long dropped = _queue.DroppedTags;
        long late = Interlocked.Read(ref _lateTags);
        long bytesDelta = bytes - _lastSampleBytes;
        long framesDelta = frames - _lastSampleFrames;
        bool droppedNow = dropped > _lastSampleDropped;
        bool lateNow = late > _lastSampleLate;
        (_lastSampleBytes, _lastSampleFrames, _lastSampleDropped, _lastSampleLate) = (bytes, frames, dropped, late);

        var warnings = IngestWarnings.None;
        string? videoCodec;
        string? audioCodec;
        int width;
        int height;
        double? keyframeInterval;
        bool transcoding;
        lock (_ingestLock)
        {
            videoCodec = _video?.CodecString ?? _videoCodecSeen?.ToString().ToLowerInvariant();
            audioCodec = _audio?.CodecString;
            width = _video?.Width ?? 0;
            height = _video?.Height ?? 0;
            keyframeInterval = _keyframeIntervalMs >= 0 ? _keyframeIntervalMs / 1000.0 : null;
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

            transcoding = _transcoding;
        }

        var supervisor = Volatile.Read(ref _supervisor);
        int restarts = supervisor?.Restarts ?? 0;
        if (transcoding && supervisor is not null && (restarts > _lastSampleRestarts || supervisor.Current is null))
        {
            warnings |= IngestWarnings.TranscoderRestarting;
        }

        _lastSampleRestarts = restarts;

        // Speed over the sample from ffmpeg's output clock, within one generation.
        var latest = Volatile.Read(ref _latestProgress);
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
        if (_slowSamples >= 2 || _queue.QueuedBytes > _options.MaxQueuedBytes / 2)
        {
            warnings |= IngestWarnings.TranscoderSlow;
        }

        if (KillIfStalled(supervisor?.Current, latest, now, bytesDelta))
        {
            warnings |= IngestWarnings.TranscoderRestarting;
        }

        warnings |= droppedNow ? IngestWarnings.DataDropped : 0;
        warnings |= lateNow ? IngestWarnings.TimestampsOutOfOrder : 0;
        bool sameGeneration = latest is not null && supervisor?.Current?.Generation == latest.Generation;
        return new IngestHealth
        {
            SampledAt = now,
            IncomingBitsPerSecond = (long)(bytesDelta * 8 / seconds),
            FramesPerSecond = Math.Round(framesDelta / seconds, 2),
            KeyframeIntervalSeconds = keyframeInterval,
            VideoCodec = videoCodec,
            AudioCodec = audioCodec,
            Width = width,
            Height = height,
            DroppedTags = dropped,
            LateTags = late,
            QueuedBytes = _queue.QueuedBytes,
            TranscoderSpeed = speed,
            TranscoderFramesPerSecond = sameGeneration ? latest!.Progress.FramesPerSecond : null,
            TranscoderDroppedFrames = sameGeneration ? latest!.Progress.DroppedFrames : 0,
            TranscoderRestarts = restarts,
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

        Log.TranscoderStalled(_logger, ChannelName, current.ProcessId, silent.TotalSeconds);
        current.Kill();
        return true;
    }

    private sealed record ProgressMark(int Generation, FfmpegProgress Progress, long Timestamp);
}
