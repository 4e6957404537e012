using System.Buffers;
using System.IO.Pipelines;
using Microsoft.Extensions.Logging;
using Spectra.Media.Mp4;

namespace Spectra.Media.Packaging;

/// <summary>
/// Turns one rendition's fragmented MP4 byte stream (ftyp + moov, then moof + mdat pairs, as ffmpeg
/// writes with <c>-movflags +frag_keyframe+empty_moov+default_base_moof</c> or <c>+cmaf</c>) into
/// CMAF segments in a <see cref="LiveWindow"/>.
/// </summary>
/// <remarks>
/// A segment is closed when a fragment whose reference-track (video, else audio) first sample is a
/// sync sample arrives and the open segment already holds at least the target duration; that
/// fragment opens the next segment. So a segment is published one fragment after its end: run
/// ffmpeg with <c>-frag_duration</c> below the target (e.g. 0.25 s) to keep that delay short.
/// Input is read through a pipe over pooled buffers; memory per rendition is bounded by
/// <see cref="PackagerOptions.MaxBoxSize"/> plus <see cref="PackagerOptions.MaxSegmentSize"/>.
/// </remarks>
internal sealed partial class CmafPackager
{
    private readonly RenditionInfo _rendition;
    private readonly LiveWindow _window;
    private readonly PackagerOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger<CmafPackager> _logger;
    private int _running;

    public CmafPackager(RenditionInfo rendition, LiveWindow window, PackagerOptions options, TimeProvider time, ILogger<CmafPackager> logger)
    {
        ArgumentNullException.ThrowIfNull(rendition);
        ArgumentNullException.ThrowIfNull(window);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(time);
        ArgumentNullException.ThrowIfNull(logger);
        options.Validate();
        _rendition = rendition;
        _window = window;
        _options = options;
        _time = time;
        _logger = logger;
        _window.HandlerFailed += (_, ex) => Log.WindowHandlerFailed(_logger, _rendition.Name, ex);
    }

    public RenditionInfo Rendition => _rendition;

    public LiveWindow Window => _window;

    /// <summary>
    /// Reads <paramref name="fragmentedMp4"/> until it ends or <paramref name="cancellationToken"/>
    /// fires. Each call after the first starts a new generation (new init segment, next segment
    /// marked EXT-X-DISCONTINUITY, sequence numbers continue). On a clean end of stream the open
    /// segment is published; on malformed input, truncation or cancellation its complete fragments
    /// (already served as LL-HLS parts) are published as a shorter segment and an incomplete fragment is
    /// dropped, so the window never holds a partial fragment. The stream is not disposed.
    /// </summary>
    /// <exception cref="Mp4FormatException">Malformed, truncated, oversized or unsupported input.</exception>
    /// <exception cref="OperationCanceledException">Cancelled.</exception>
    /// <exception cref="InvalidOperationException">Another run on this packager is in progress.</exception>
    public async Task RunAsync(Stream fragmentedMp4, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(fragmentedMp4);
        if (Interlocked.Exchange(ref _running, 1) == 1)
        {
            throw new InvalidOperationException($"The packager of rendition '{_rendition.Name}' is already running.");
        }

        var run = new Run(this);
        var reader = PipeReader.Create(fragmentedMp4, new StreamPipeReaderOptions(bufferSize: 64 * 1024, minimumReadSize: 16 * 1024, leaveOpen: true));
        try
        {
            while (true)
            {
                var result = await reader.ReadAsync(cancellationToken).ConfigureAwait(false);
                var buffer = result.Buffer;
                while (run.TryConsumeBox(ref buffer))
                {
                }

                if (result.IsCompleted)
                {
                    run.Complete(buffer);
                    break;
                }

                reader.AdvanceTo(buffer.Start, buffer.End);
            }

            Log.StreamEnded(_logger, _rendition.Name, run.Offset, _window.Generation);
        }
        catch (Mp4FormatException ex)
        {
            Log.MalformedInput(_logger, _rendition.Name, ex.Offset, ex.BoxType?.ToString(), ex);
            run.PublishCompleteFragments();
            throw;
        }
        catch (OperationCanceledException)
        {
            run.PublishCompleteFragments();
            throw;
        }
        finally
        {
            run.Dispose();
            await reader.CompleteAsync().ConfigureAwait(false);
            Volatile.Write(ref _running, 0);
        }
    }
}
