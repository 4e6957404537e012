using System.Buffers;
using System.Net.Sockets;
using Microsoft.Extensions.Logging;
using Spectra.Media.Flv;
using Spectra.Media.Hls;
using Spectra.Media.Live.Internal;
using Spectra.Media.Mp4;
using Spectra.Media.Packaging;
using Spectra.Media.Transcoding;

namespace Spectra.Media.Live;

public sealed partial class LiveStream
{
    private const int MaxThumbnailBytes = 4 * 1024 * 1024;

    private readonly TaskCompletionSource _firstGeneration = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private HlsStream? _hlsStream;
    private CmafPackager[] _packagers = [];
    private SourcePackager? _source;
    private LadderPlan? _transcodePlan;
    private FfmpegSupervisor? _supervisor;
    private string? _socketDirectory;
    private TranscoderGeneration? _preparedGeneration;
    private TranscoderGeneration? _activeGeneration;
    private Task? _writerTask;
    private int _firstSegmentRaised;

    /// <summary>
    /// Called under the ingest lock once a plan with renditions exists. The passthrough rendition is
    /// packaged in-process (<see cref="SourcePackager"/>); ffmpeg only runs for encoded renditions.
    /// </summary>
    private void StartTranscoding(LadderPlan plan)
    {
        var renditions = new HlsRendition[plan.Renditions.Count];
        var encoded = new List<CmafPackager>(plan.Renditions.Count);
        var packagerLogger = _loggerFactory.CreateLogger<CmafPackager>();
        for (int i = 0; i < renditions.Length; i++)
        {
            var info = ToRenditionInfo(plan.Renditions[i], plan.FrameRate);
            var window = new LiveWindow(_packagerOptions);
            window.SegmentAdded += OnSegmentAdded;
            var packager = new CmafPackager(info, window, _packagerOptions, _time, packagerLogger);
            if (plan.Renditions[i].IsPassthrough && _source is null)
            {
                _source = new SourcePackager(packager, plan.IncludesVideo, plan.IncludesAudio, (int)_packagerOptions.PartTargetDuration.TotalMilliseconds,
                    _videoConfig, _audioConfig, ChannelName, _logger, _abort.Token);
            }
            else
            {
                encoded.Add(packager);
            }

            renditions[i] = new HlsRendition(info, window);
        }

        var hls = new HlsStream(ChannelName, renditions);
        Volatile.Write(ref _hlsStream, hls);
        _registry.Publish(hls);
        if (encoded.Count == 0)
        {
            return;
        }

        _packagers = [.. encoded];
        _transcodePlan = _source is null ? plan : plan with { Renditions = [.. plan.Renditions.Where(r => !r.IsPassthrough)] };
        _socketDirectory = Directory.CreateTempSubdirectory("spectra-").FullName;
        var supervisor = new FfmpegSupervisor(_ladder, PrepareGeneration, RunGenerationAsync, _loggerFactory.CreateLogger<FfmpegSupervisor>(), _time);
        Volatile.Write(ref _supervisor, supervisor);
        Volatile.Write(ref _writerTask, Task.Run(WriteInputAsync));
        supervisor.Start();
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

    /// <summary>Before each ffmpeg start: fresh listening sockets, the command line for them.</summary>
    private IReadOnlyList<string> PrepareGeneration(int number)
    {
        _preparedGeneration?.Dispose();
        var generation = TranscoderGeneration.Create(_socketDirectory!, number, _packagers.Length);
        _preparedGeneration = generation;
        return TranscodeCommand.Build(_transcodePlan!, _ladder, generation.Urls, _packagerOptions.PartTargetDuration);
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
                await packager.RunAsync(stream, _abort.Token).ConfigureAwait(false);
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
            while ((read = await process.Output.ReadAsync(buffer, _abort.Token).ConfigureAwait(false)) > 0)
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
            _registry.SetThumbnail(ChannelName, jpeg);
            Log.ThumbnailUpdated(_logger, ChannelName, jpeg.Length);
        }
        catch (ArgumentException ex)
        {
            Log.ThumbnailRejected(_logger, ChannelName, ex.Message);
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

        bool includesAudio = _plan!.IncludesAudio;
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
                    Log.InputPrimed(_logger, ChannelName, generation.Number, tag.TimestampMs);
                }

                await TryWriteAsync(generation, tag.Memory).ConfigureAwait(false);
            }
        }
    }

    private byte[] BuildPrimer(uint timestampMs, bool includesAudio, bool includesVideo)
    {
        byte[]? video;
        byte[]? audio;
        lock (_ingestLock)
        {
            video = includesVideo ? _videoConfig : null;
            audio = includesAudio ? _audioConfig : null;
        }

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

    private void OnSegmentAdded(LiveWindow window)
    {
        if (Volatile.Read(ref _firstSegmentRaised) != 0 || Volatile.Read(ref _hlsStream) is not { } hls)
        {
            return;
        }

        foreach (var rendition in hls.Renditions)
        {
            if (rendition.Window.SegmentCount == 0)
            {
                return;
            }
        }

        if (Interlocked.Exchange(ref _firstSegmentRaised, 1) == 0)
        {
            Log.FirstSegmentReady(_logger, ChannelName, (_time.GetUtcNow() - StartedAt).TotalMilliseconds);
            try
            {
                FirstSegmentReady?.Invoke(this);
            }
#pragma warning disable CA1031 // A subscriber's failure must not reach the packager.
            catch (Exception ex)
#pragma warning restore CA1031
            {
                Log.HandlerFailed(_logger, ChannelName, nameof(FirstSegmentReady), ex);
            }
        }
    }

    private void DeleteSocketDirectory()
    {
        if (_socketDirectory is { } directory)
        {
            try
            {
                Directory.Delete(directory, recursive: true);
            }
            catch (IOException ex)
            {
                Log.CleanupFailed(_logger, directory, ex.Message);
            }
        }
    }
}
