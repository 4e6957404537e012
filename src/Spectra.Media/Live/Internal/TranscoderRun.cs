using System.Buffers;
using System.Net.Sockets;
using Microsoft.Extensions.Logging;
using Spectra.Media.Flv;
using Spectra.Media.Hls;
using Spectra.Media.Mp4;
using Spectra.Media.Packaging;
using Spectra.Media.Transcoding;

namespace Spectra.Media.Live.Internal;

/// <summary>
/// The transcoder of one live stream: ffmpeg under an <see cref="FfmpegSupervisor"/>, decoding the source
/// once from its stdin and encoding the rungs of the ladder, each as fragmented MP4 over a Unix domain
/// socket into that rung's <see cref="CmafPackager"/>; JPEG thumbnails come from its stdout. Tags wait
/// in a bounded <see cref="FlvTagQueue"/> between the publisher's thread and stdin. Only exists when
/// the ladder has encoded renditions.
/// </summary>
internal sealed class TranscoderRun
{
    private const int MaxThumbnailBytes = 4 * 1024 * 1024;

    private readonly string _channel;
    private readonly LadderPlan _plan;
    private readonly CmafPackager[] _packagers;
    private readonly LadderOptions _ladder;
    private readonly PackagerOptions _packagerOptions;
    private readonly HlsStreamRegistry _registry;
    private readonly IngestAnalyzer _ingest;
    private readonly ILogger _logger;
    private readonly TimeProvider _time;
    private readonly CancellationToken _abort;
    private readonly FlvTagQueue _queue;
    private readonly FfmpegSupervisor _supervisor;
    private readonly string _socketDirectory;
    private readonly TaskCompletionSource _firstGeneration = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly CancellationTokenSource _stopping = new();
    private TranscoderGeneration? _preparedGeneration;
    private TranscoderGeneration? _activeGeneration;
    private ProgressMark? _latestProgress;
    private Task? _writerTask;

    /// <param name="plan">The encoded renditions only, in the order of <paramref name="packagers"/>.</param>
    /// <param name="abort">Cancelled when the stream gives up waiting for outputs to flush.</param>
    public TranscoderRun(
        string channel,
        LadderPlan plan,
        CmafPackager[] packagers,
        LadderOptions ladder,
        LiveStreamOptions options,
        PackagerOptions packagerOptions,
        HlsStreamRegistry registry,
        IngestAnalyzer ingest,
        ILoggerFactory loggerFactory,
        ILogger logger,
        TimeProvider time,
        CancellationToken abort)
    {
        _channel = channel;
        _plan = plan;
        _packagers = packagers;
        _ladder = ladder;
        _packagerOptions = packagerOptions;
        _registry = registry;
        _ingest = ingest;
        _logger = logger;
        _time = time;
        _abort = abort;
        _queue = new FlvTagQueue(options.MaxQueuedBytes, options.MaxQueuedTags);
        _socketDirectory = Directory.CreateTempSubdirectory("spectra-").FullName;
        _supervisor = new FfmpegSupervisor(ladder, PrepareGeneration, RunGenerationAsync, loggerFactory.CreateLogger<FfmpegSupervisor>(), time);
    }

    /// <summary>The running ffmpeg; null between a crash and the restart.</summary>
    public FfmpegProcess? Current => _supervisor.Current;

    /// <summary>ffmpeg restarts after unexpected exits.</summary>
    public int Restarts => _supervisor.Restarts;

    /// <summary>Tags dropped since the start because the input queue was full.</summary>
    public long DroppedTags => _queue.DroppedTags;

    /// <summary>Bytes waiting for ffmpeg's stdin.</summary>
    public long QueuedBytes => _queue.QueuedBytes;

    /// <summary>The latest progress block of any generation; null before the first.</summary>
    public ProgressMark? LatestProgress => Volatile.Read(ref _latestProgress);

    public void Start()
    {
        Volatile.Write(ref _writerTask, Task.Run(WriteInputAsync));
        _supervisor.Start();
    }

    /// <summary>Queues one accepted tag for stdin; never blocks (dropped and counted when the queue is full).</summary>
    public void Enqueue(FlvTagType type, uint timestampMs, ReadOnlySpan<byte> tagBody) => _queue.TryEnqueue(type, timestampMs, tagBody);

    /// <summary>
    /// New SPS/PPS (resolution, profile...): the decoder set-up is stale. A new generation starts from the
    /// new configuration, with a new init segment and a discontinuity in every playlist.
    /// </summary>
    public void RestartForNewConfiguration(int width, int height)
    {
        if (_supervisor.Current is { } running)
        {
            LiveStreamLog.SourceConfigurationChanged(_logger, _channel, width, height, running.ProcessId);
            running.Kill();
        }
    }

    /// <summary>End of input: ffmpeg gets end of stdin and flushes, then is stopped and reaped (bounded by <see cref="LadderOptions.StopTimeout"/>).</summary>
    public async Task StopInputAsync()
    {
        await _stopping.CancelAsync().ConfigureAwait(false);
        _queue.Complete();
        if (Volatile.Read(ref _writerTask) is { } writer)
        {
            await LiveStream.WaitBoundedAsync(writer, _ladder.StopTimeout).ConfigureAwait(false);
        }

        await _supervisor.DisposeAsync().ConfigureAwait(false);
    }

    /// <summary>After the outputs were aborted: waits for the writer, frees queued tags, sockets and the temp directory.</summary>
    public async Task ReleaseAsync()
    {
        if (Volatile.Read(ref _writerTask) is { } writer)
        {
            await LiveStream.WaitBoundedAsync(writer, _ladder.StopTimeout).ConfigureAwait(false);
        }

        _queue.DisposeRemaining();
        _preparedGeneration?.Dispose();
        try
        {
            Directory.Delete(_socketDirectory, recursive: true);
        }
        catch (IOException ex)
        {
            LiveStreamLog.CleanupFailed(_logger, _socketDirectory, ex.Message);
        }

        _stopping.Dispose();
    }

    private void OnProgress(FfmpegProcess process, FfmpegProgress progress) =>
        Volatile.Write(ref _latestProgress, new ProgressMark(process.Generation, progress, _time.GetTimestamp()));

    /// <summary>Before each ffmpeg start: fresh listening sockets, the command line for them.</summary>
    private IReadOnlyList<string> PrepareGeneration(int number)
    {
        _preparedGeneration?.Dispose();
        var generation = TranscoderGeneration.Create(_socketDirectory, number, _packagers.Length);
        _preparedGeneration = generation;
        return TranscodeCommand.Build(_plan, _ladder, generation.Urls, _packagerOptions.PartTargetDuration);
    }

    /// <summary>After each ffmpeg start: one packager per rendition socket, thumbnails from stdout, stdin fed by the writer.</summary>
    private async Task RunGenerationAsync(FfmpegProcess process, CancellationToken stopping)
    {
        var generation = _preparedGeneration!;
        generation.Process = process;
        process.ProgressReported += OnProgress;
        Volatile.Write(ref _activeGeneration, generation);
        _firstGeneration.TrySetResult();

        // Accepting ends when the process exits without connecting; reading ends at end of stream.
        using var processGone = new CancellationTokenSource();
        _ = process.Completion.ContinueWith(
            static (_, state) =>
            {
                try
                {
                    ((CancellationTokenSource)state!).Cancel();
                }
                catch (ObjectDisposedException)
                {
                }
            },
            processGone,
            CancellationToken.None,
            TaskContinuationOptions.ExecuteSynchronously,
            TaskScheduler.Default);

        var consumers = new Task[_packagers.Length + 1];
        for (int i = 0; i < _packagers.Length; i++)
        {
            consumers[i] = PackageAsync(generation, i, processGone.Token);
        }

        consumers[^1] = ReadThumbnailsAsync(process);
        await Task.WhenAll(consumers).ConfigureAwait(false);
    }

    private async Task PackageAsync(TranscoderGeneration generation, int index, CancellationToken processGone)
    {
        Socket connection;
        try
        {
            connection = await generation.Listeners[index].AcceptAsync(processGone).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is OperationCanceledException or SocketException or ObjectDisposedException)
        {
            return;
        }

        var packager = _packagers[index];
        var stream = new NetworkStream(connection, ownsSocket: true);
        await using (stream.ConfigureAwait(false))
        {
            try
            {
                await packager.RunAsync(stream, _abort).ConfigureAwait(false);
            }
            catch (Mp4FormatException)
            {
                // Logged by the packager. Output cut by a dying process is expected; anything else
                // means this generation is broken, so end it and let the supervisor restart.
                generation.Process?.Kill();
            }
            catch (OperationCanceledException) when (_abort.IsCancellationRequested)
            {
            }
            catch (IOException)
            {
                generation.Process?.Kill();
            }
        }
    }

    private async Task ReadThumbnailsAsync(FfmpegProcess process)
    {
        var splitter = new JpegFrameSplitter(MaxThumbnailBytes);
        byte[] buffer = ArrayPool<byte>.Shared.Rent(64 * 1024);
        try
        {
            int read;
            while ((read = await process.Output.ReadAsync(buffer, _abort).ConfigureAwait(false)) > 0)
            {
                splitter.Append(buffer.AsSpan(0, read), PublishThumbnail);
            }
        }
        catch (Exception ex) when (ex is IOException or OperationCanceledException or ObjectDisposedException)
        {
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    private void PublishThumbnail(ReadOnlyMemory<byte> jpeg)
    {
        try
        {
            _registry.SetThumbnail(_channel, jpeg);
            LiveStreamLog.ThumbnailUpdated(_logger, _channel, jpeg.Length);
        }
        catch (ArgumentException ex)
        {
            LiveStreamLog.ThumbnailRejected(_logger, _channel, ex.Message);
        }
    }

    /// <summary>
    /// Feeds the queued tags to the active generation's stdin. A new generation starts at a video
    /// keyframe, preceded by the FLV header and the latest sequence headers; while no generation
    /// accepts input (between a crash and the restart) tags are discarded.
    /// </summary>
    private async Task WriteInputAsync()
    {
        try
        {
            await _firstGeneration.Task.WaitAsync(_stopping.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            return;
        }

        bool includesAudio = _plan.IncludesAudio;
        bool includesVideo = _plan.IncludesVideo;
        while (await _queue.DequeueAsync(CancellationToken.None).ConfigureAwait(false) is { } tag)
        {
            using (tag)
            {
                var generation = Volatile.Read(ref _activeGeneration);
                if (generation?.Process is not { } process || generation.InputBroken || process.HasExited)
                {
                    continue;
                }

                if (!generation.Primed)
                {
                    // Video starts at a keyframe; audio-only at any audio frame.
                    if (includesVideo ? !tag.IsVideoKeyframe : tag.IsSequenceHeader)
                    {
                        continue;
                    }

                    if (!await TryWriteAsync(generation, BuildPrimer(tag.TimestampMs, includesAudio, includesVideo)).ConfigureAwait(false))
                    {
                        continue;
                    }

                    generation.Primed = true;
                    LiveStreamLog.InputPrimed(_logger, _channel, generation.Number, tag.TimestampMs);
                }

                await TryWriteAsync(generation, tag.Memory).ConfigureAwait(false);
            }
        }
    }

    private byte[] BuildPrimer(uint timestampMs, bool includesAudio, bool includesVideo)
    {
        var (videoConfig, audioConfig) = _ingest.Configurations;
        byte[]? video = includesVideo ? videoConfig : null;
        byte[]? audio = includesAudio ? audioConfig : null;
        var writer = new ArrayBufferWriter<byte>(1024);
        FlvWriter.WriteHeader(writer, includesAudio, includesVideo);
        if (video is not null)
        {
            FlvWriter.WriteTag(writer, FlvTagType.Video, timestampMs, video);
        }

        if (audio is not null)
        {
            FlvWriter.WriteTag(writer, FlvTagType.Audio, timestampMs, audio);
        }

        return writer.WrittenSpan.ToArray();
    }

    private static async Task<bool> TryWriteAsync(TranscoderGeneration generation, ReadOnlyMemory<byte> data)
    {
        try
        {
            var input = generation.Process!.Input;
            await input.WriteAsync(data).ConfigureAwait(false);
            await input.FlushAsync().ConfigureAwait(false);
            return true;
        }
        catch (Exception ex) when (ex is IOException or ObjectDisposedException or InvalidOperationException)
        {
            generation.InputBroken = true;
            return false;
        }
    }
}
