using Microsoft.AspNetCore.Http;
using Spectra.Media.Packaging;

namespace Spectra.Media.Hls.Internal;

internal sealed partial class HlsOrigin
{
    /// <summary>
    /// Serves the segment being written (sequence = the window's next) with chunked transfer: each part as
    /// it is published, then the rest of the segment once it is cut. The bytes are those of the complete
    /// segment (its parts are its prefix, byte for byte), so the URL stays immutable. This is what low-latency
    /// DASH players fetch (availabilityTimeOffset, ISO/IEC 23009-1 §5.3.9.5.3); HLS players never ask for it.
    /// A request counts against <see cref="HlsOriginOptions.MaxBlockedPlaylistRequests"/> while it waits;
    /// if no part comes for three target durations the response is aborted (a truncated chunked body tells
    /// the player the segment is incomplete).
    /// </summary>
    private async Task OpenSegmentAsync(HttpContext context, HlsRendition rendition, long sequence)
    {
        if (Interlocked.Increment(ref _blockedRequests) > _maxBlockedRequests)
        {
            Interlocked.Decrement(ref _blockedRequests);
            Log.TooManyBlocked(_logger, _maxBlockedRequests);
            await Unavailable(context, "open segment slot").ConfigureAwait(false);
            return;
        }

        try
        {
            var response = context.Response;
            var headers = response.Headers;
            headers.AccessControlAllowOrigin = _allowedOrigin;
            headers.AccessControlExposeHeaders = ExposedHeaders;
            headers.CacheControl = HlsCachePolicy.Immutable;
            headers.ContentType = SegmentContentType;
            if (HttpMethods.IsHead(context.Request.Method))
            {
                return;
            }

            var window = rendition.Window;
            var stall = TimeSpan.FromSeconds(3 * HlsPlaylistWriter.TargetDurationSeconds(window.Snapshot));
            var written = 0;
            var index = 0;
            while (true)
            {
                var snapshot = window.Snapshot;
                if (snapshot.Find(sequence) is { } segment)
                {
                    await response.Body.WriteAsync(segment.Data[written..], context.RequestAborted).ConfigureAwait(false);
                    return;
                }

                if (snapshot.NextSequence == sequence && index < snapshot.OpenPartArray.Length)
                {
                    var part = snapshot.OpenPartArray[index++].Data;
                    await response.Body.WriteAsync(part, context.RequestAborted).ConfigureAwait(false);
                    await response.Body.FlushAsync(context.RequestAborted).ConfigureAwait(false);
                    written += part.Length;
                    continue;
                }

                if (snapshot.Ended || snapshot.NextSequence != sequence)
                {
                    // The stream ended, or a new generation started, before this segment was cut: it never completes.
                    context.Abort();
                    return;
                }

                using var timeout = new CancellationTokenSource(stall, _time);
                using var linked = CancellationTokenSource.CreateLinkedTokenSource(timeout.Token, context.RequestAborted);
                try
                {
                    await window.WaitForPartAsync(sequence, index, linked.Token).ConfigureAwait(false);
                }
                catch (OperationCanceledException) when (!context.RequestAborted.IsCancellationRequested)
                {
                    Log.OpenSegmentStalled(_logger, context.Request.Path.Value, (int)stall.TotalSeconds);
                    context.Abort();
                    return;
                }
            }
        }
        catch (OperationCanceledException) when (context.RequestAborted.IsCancellationRequested)
        {
            // The player went away.
        }
        finally
        {
            Interlocked.Decrement(ref _blockedRequests);
        }
    }
}
