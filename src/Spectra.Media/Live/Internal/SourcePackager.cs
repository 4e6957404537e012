using System.IO.Pipelines;
using Microsoft.Extensions.Logging;
using Spectra.Media.Flv;
using Spectra.Media.Mp4;
using Spectra.Media.Packaging;

namespace Spectra.Media.Live.Internal;

/// <summary>
/// The source rendition, packaged in-process: the publisher's FLV tags go through a
/// <see cref="FlvToCmafMuxer"/> into a pipe that the rendition's <see cref="CmafPackager"/> reads,
/// so the copy costs no child process and no extra buffering beyond one fragment.
/// </summary>
/// <remarks>
/// <para>A generation (one init segment, one packager run) starts at a video keyframe (audio-only: at
/// the first frame) once the decoder configurations are known. A different AVC or AAC sequence header
/// ends the generation; the next one starts at the next keyframe with a new init segment, and the
/// playlist gets <c>EXT-X-DISCONTINUITY</c> as for an ffmpeg restart. A packager failure ends the
/// generation the same way.</para>
/// <para>Timestamps arrive monotonic per track (late tags are dropped by <see cref="IngestAnalyzer"/>) and
/// already rebased after a publisher reconnect, so a reconnect continues the same generation.</para>
/// <para><see cref="OnTag"/> is called by the <see cref="RenditionSet"/> under the stream's ingest lock, one tag at a time; the packager
/// runs on the thread pool. The pipe never pauses the writer: the packager only parses and copies,
/// and its segment size is bounded by <see cref="PackagerOptions.MaxSegmentSize"/>.</para>
/// </remarks>
internal sealed partial class SourcePackager
{
    private static readonly PipeOptions PipeOptions = new(pauseWriterThreshold: 0, resumeWriterThreshold: 0, useSynchronizationContext: false);

    private readonly CmafPackager _packager;
    private readonly bool _includesVideo;
    private readonly bool _includesAudio;
    private readonly int _fragmentDurationMs;
    private readonly ILogger _logger;
    private readonly string _channel;
    private readonly CancellationToken _abort;
    private byte[]? _videoConfig;
    private byte[]? _audioConfig;
    private FlvToCmafMuxer? _muxer;
    private PipeWriter? _writer;
    private Task _run = Task.CompletedTask;
    private int _generation;
    private int _runFailed;

    /// <param name="videoConfig">The latest AVC sequence header tag body, if one arrived before.</param>
    /// <param name="audioConfig">The latest AAC sequence header tag body, if one arrived before.</param>
    public SourcePackager(
        CmafPackager packager,
        bool includesVideo,
        bool includesAudio,
        int fragmentDurationMs,
        byte[]? videoConfig,
        byte[]? audioConfig,
        string channel,
        ILogger logger,
        CancellationToken abort)
    {
        _packager = packager;
        _includesVideo = includesVideo;
        _includesAudio = includesAudio;
        _fragmentDurationMs = fragmentDurationMs;
        _videoConfig = videoConfig;
        _audioConfig = audioConfig;
        _channel = channel;
        _logger = logger;
        _abort = abort;
    }

    /// <summary>Generations started so far.</summary>
    public int Generations => _generation;

    /// <summary>One accepted audio or video tag body (sequence headers included).</summary>
    public void OnTag(FlvTagType type, uint timestampMs, ReadOnlySpan<byte> body)
    {
        if (type == FlvTagType.Video)
        {
            if (!_includesVideo || !FlvVideoTagHeader.TryParse(body, out var header) || header.Codec != FlvVideoCodec.H264)
            {
                return;
            }

            if (header.IsSequenceHeader)
            {
                _videoConfig = ReplaceConfig(_videoConfig, body);
                return;
            }

            if (_muxer is null || Volatile.Read(ref _runFailed) != 0)
            {
                if (header.FrameType != FlvVideoFrameType.Keyframe || !TryStartGeneration())
                {
                    return;
                }
            }

            if (_muxer!.AddVideo(timestampMs, body))
            {
                Flush();
            }
        }
        else if (type == FlvTagType.Audio)
        {
            if (!_includesAudio || !FlvAudioTagHeader.TryParse(body, out var header) || header.Codec != FlvAudioCodec.Aac)
            {
                return;
            }

            if (header.IsSequenceHeader)
            {
                _audioConfig = ReplaceConfig(_audioConfig, body);
                return;
            }

            if ((_muxer is null || Volatile.Read(ref _runFailed) != 0) && (_includesVideo || !TryStartGeneration()))
            {
                return;
            }

            if (_muxer!.AddAudio(timestampMs, body))
            {
                Flush();
            }
        }
    }

    /// <summary>End of the session: the pending fragment is written and the packager publishes the open segment.</summary>
    public async Task StopAsync(TimeSpan timeout)
    {
        EndGeneration();
        try
        {
            await _run.WaitAsync(timeout).ConfigureAwait(false);
        }
        catch (TimeoutException)
        {
        }
    }

    /// <summary>Keeps a new configuration; a different one ends the running generation.</summary>
    private byte[] ReplaceConfig(byte[]? current, ReadOnlySpan<byte> body)
    {
        if (current is not null && body.SequenceEqual(current))
        {
            return current;
        }

        if (_muxer is not null)
        {
            Log.ConfigurationChanged(_logger, _channel, _generation);
            EndGeneration();
        }

        return body.ToArray();
    }

    private bool TryStartGeneration()
    {
        Fmp4VideoTrack? video = null;
        Fmp4AudioTrack? audio = null;
        if (_includesVideo)
        {
            if (_videoConfig is null || !FlvVideoTagHeader.TryParse(_videoConfig, out var header)
                || !AvcDecoderConfigurationRecord.TryParse(_videoConfig.AsSpan(header.PayloadOffset), out var record))
            {
                return false;
            }

            var avcC = _videoConfig.AsMemory(header.PayloadOffset);
            video = new Fmp4VideoTrack(avcC, record!.SequenceParameterSet?.Width ?? 0, record.SequenceParameterSet?.Height ?? 0);
        }

        if (_includesAudio)
        {
            if (_audioConfig is null || !FlvAudioTagHeader.TryParse(_audioConfig, out var header)
                || !AacAudioSpecificConfig.TryParse(_audioConfig.AsSpan(header.PayloadOffset), out var config))
            {
                // No usable AudioSpecificConfig: serve the video alone rather than nothing.
                if (!_includesVideo)
                {
                    return false;
                }
            }
            else
            {
                int channels = config!.ChannelConfiguration is > 0 and < 7 ? config.ChannelConfiguration : config.ChannelConfiguration == 7 ? 8 : 2;
                audio = new Fmp4AudioTrack(_audioConfig.AsMemory(header.PayloadOffset), config.SampleRate, channels);
            }
        }

        EndGeneration();
        var pipe = new Pipe(PipeOptions);
        _writer = pipe.Writer;
        _muxer = new FlvToCmafMuxer(pipe.Writer, video, audio, _fragmentDurationMs);
        Volatile.Write(ref _runFailed, 0);
        _generation++;
        _run = RunAsync(_run, pipe.Reader);
        Flush();
        Log.GenerationStarted(_logger, _channel, _generation, video?.Width ?? 0, video?.Height ?? 0, audio?.SampleRate ?? 0);
        return true;
    }

    private void EndGeneration()
    {
        if (_muxer is null)
        {
            return;
        }

        _muxer.Flush();
        Flush();
        _muxer.Dispose();
        _muxer = null;
        _writer!.Complete();
        _writer = null;
    }

    private void Flush()
    {
        // The pipe never pauses (pauseWriterThreshold 0), so the flush completes synchronously.
        var flush = _writer!.FlushAsync(CancellationToken.None);
        if (flush.IsCompleted)
        {
            flush.GetAwaiter().GetResult();
        }
        else
        {
            _ = flush.AsTask();
        }
    }

    /// <summary>One packager run per generation, each after the previous one has finished.</summary>
    private async Task RunAsync(Task previous, PipeReader reader)
    {
        await previous.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        var stream = reader.AsStream(leaveOpen: true);
        try
        {
            await _packager.RunAsync(stream, _abort).ConfigureAwait(false);
        }
        catch (Mp4FormatException)
        {
            // Logged by the packager; the next keyframe starts a new generation.
            Volatile.Write(ref _runFailed, 1);
        }
        catch (OperationCanceledException) when (_abort.IsCancellationRequested)
        {
        }
        finally
        {
            await reader.CompleteAsync().ConfigureAwait(false);
        }
    }

    private static partial class Log
    {
        [LoggerMessage(EventId = 4240, EventName = "SourceGenerationStarted", Level = LogLevel.Information, Message = "Live stream '{Channel}': source rendition generation {Generation} packaged in-process (video {Width}x{Height}, audio {SampleRate} Hz)")]
        public static partial void GenerationStarted(ILogger logger, string channel, int generation, int width, int height, int sampleRate);

        [LoggerMessage(EventId = 4241, EventName = "SourceConfigurationChanged", Level = LogLevel.Information, Message = "Live stream '{Channel}': new decoder configuration; source generation {Generation} ends, the next starts at the next keyframe")]
        public static partial void ConfigurationChanged(ILogger logger, string channel, int generation);
    }
}
