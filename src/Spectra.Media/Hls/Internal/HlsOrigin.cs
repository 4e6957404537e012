using System.Globalization;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Primitives;
using Spectra.Media.Packaging;

namespace Spectra.Media.Hls.Internal;

/// <summary>
/// Request handlers of the HLS origin. Everything is served from memory: a segment response writes
/// the window's own array to the response body, with precomputed header strings, so a request
/// allocates nothing beyond what the server needs to write the response.
/// </summary>
internal sealed partial class HlsOrigin
{
    public const string PlaylistContentType = "application/vnd.apple.mpegurl";
    public const string InitContentType = "video/mp4";
    public const string SegmentContentType = "video/iso.segment";
    public const string JpegContentType = "image/jpeg";
    private const string ExposedHeaders = "Content-Length, Content-Range, Accept-Ranges, ETag";

    private readonly HlsStreamRegistry _registry;
    private readonly StringValues _allowedOrigin;
    private readonly TimeSpan _partTarget;
    private readonly int _maxBlockedRequests;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private int _blockedRequests;

    /// <param name="partTarget">LL-HLS part target (<see cref="Packaging.PackagerOptions.PartTargetDuration"/>); zero serves plain RFC 8216 playlists.</param>
    public HlsOrigin(HlsStreamRegistry registry, HlsOriginOptions options, TimeSpan partTarget, TimeProvider time, ILogger logger)
    {
        _registry = registry;
        _allowedOrigin = options.AllowedOrigin;
        _maxBlockedRequests = options.MaxBlockedPlaylistRequests;
        _partTarget = partTarget;
        _time = time;
        _logger = logger;
    }

    /// <summary>Blocking playlist requests held right now.</summary>
    public int BlockedRequests => Volatile.Read(ref _blockedRequests);

    public Task MasterAsync(HttpContext context)
    {
        if (!_registry.TryGet(RouteValue(context, "channel"), out var stream))
        {
            return NotFound(context, "channel");
        }

        if (!stream.IsReady)
        {
            // Listing a rendition whose playlist does not answer yet, or without CODECS, sends a player
            // astray (404 on the variant, or a wrong decoder guess). 503 with Retry-After: hls.js retries
            // 5xx on the manifest (its loader gives up at once on 4xx), Safari too.
            return Unavailable(context, "master");
        }

        var body = stream.GetMasterPlaylist();
        var target = 1;
        foreach (var rendition in stream.Renditions)
        {
            target = Math.Max(target, HlsPlaylistWriter.TargetDurationSeconds(rendition.Window.Snapshot));
        }

        return WriteAsync(context, body, PlaylistContentType, HlsCachePolicy.ForPlaylist(target), etag: null, ranges: false);
    }

    public Task MediaPlaylistAsync(HttpContext context)
    {
        if (!TryGetRendition(context, out var rendition))
        {
            return NotFound(context, "rendition");
        }

        if (!HlsDeliveryDirectives.TryParse(context.Request.QueryString.Value, out var directives))
        {
            return BadRequest(context, "delivery directive");
        }

        var snapshot = rendition.Window.Snapshot;
        if (snapshot.SegmentArray.Length == 0)
        {
            return NotFound(context, "playlist");
        }

        if (directives.IsBlocking && _partTarget > TimeSpan.Zero && !snapshot.Ended && !snapshot.Satisfies(directives.Sequence, directives.Part))
        {
            if (TooFarAhead(snapshot, directives))
            {
                return BadRequest(context, "_HLS_msn/_HLS_part too far ahead");
            }

            return BlockingPlaylistAsync(context, rendition, snapshot, directives);
        }

        return WritePlaylistAsync(context, rendition, snapshot, directives.Skip);
    }

    private Task WritePlaylistAsync(HttpContext context, HlsRendition rendition, LiveWindowSnapshot snapshot, bool skip)
    {
        var playlist = rendition.GetMediaPlaylist(snapshot, _partTarget, skip && _partTarget > TimeSpan.Zero);
        return WriteAsync(context, playlist.Utf8, PlaylistContentType, playlist.CacheControl, playlist.ETag, ranges: false);
    }

    /// <summary>
    /// RFC 8216bis §6.2.5.2: holds the request until the playlist holds segment _HLS_msn (part _HLS_part)
    /// or later, or the stream ended (then the final playlist, with EXT-X-ENDLIST). Waiters share the
    /// window's one completion source, swapped on every publish; at most
    /// <see cref="HlsOriginOptions.MaxBlockedPlaylistRequests"/> are held (503 beyond), each at most three
    /// target durations (then 503, as the section recommends).
    /// </summary>
    private async Task BlockingPlaylistAsync(HttpContext context, HlsRendition rendition, LiveWindowSnapshot snapshot, HlsDeliveryDirectives directives)
    {
        var ready = await HoldAsync(context, rendition.Window, snapshot, directives.Sequence, directives.Part, "blocked playlist").ConfigureAwait(false);
        if (ready is not null)
        {
            await WritePlaylistAsync(context, rendition, ready, directives.Skip).ConfigureAwait(false);
        }
    }

    /// <summary>
    /// Waits until the window satisfies (<paramref name="sequence"/>, <paramref name="part"/>) or ends, at most three
    /// target durations, within the cap on held requests. Null when the request was already answered (503: over
    /// the cap or timed out) or the client went away.
    /// </summary>
    private async Task<LiveWindowSnapshot?> HoldAsync(HttpContext context, LiveWindow window, LiveWindowSnapshot snapshot, long sequence, int part, string what)
    {
        if (Interlocked.Increment(ref _blockedRequests) > _maxBlockedRequests)
        {
            Interlocked.Decrement(ref _blockedRequests);
            Log.TooManyBlocked(_logger, _maxBlockedRequests);
            await Unavailable(context, "blocking slot").ConfigureAwait(false);
            return null;
        }

        try
        {
            var limit = TimeSpan.FromSeconds(3 * HlsPlaylistWriter.TargetDurationSeconds(snapshot));
            using var timeout = new CancellationTokenSource(limit, _time);
            using var linked = CancellationTokenSource.CreateLinkedTokenSource(timeout.Token, context.RequestAborted);
            try
            {
                return await window.WaitForPartAsync(sequence, part, linked.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (!context.RequestAborted.IsCancellationRequested)
            {
                await Unavailable(context, what + " (timed out)").ConfigureAwait(false);
                return null;
            }
            catch (OperationCanceledException)
            {
                return null;
            }
        }
        finally
        {
            Interlocked.Decrement(ref _blockedRequests);
        }
    }

    /// <summary>
    /// §6.2.5.2: an _HLS_msn more than two segments past the last one in the playlist, or an _HLS_part past
    /// the last part by more than the Advance Part Limit (3 / part target when that is under a second,
    /// else 3), gets 400 at once.
    /// </summary>
    private bool TooFarAhead(LiveWindowSnapshot snapshot, HlsDeliveryDirectives directives)
    {
        var lastPart = snapshot.LatestPart;
        var lastSequence = lastPart?.Sequence ?? snapshot.Latest!.Sequence;
        if (directives.Sequence > lastSequence + 2)
        {
            return true;
        }

        if (directives.Part < 0 || lastPart is null)
        {
            return false;
        }

        var partTarget = HlsPlaylistWriter.PartTargetSeconds(snapshot, _partTarget);
        var limit = partTarget < 1 ? (int)Math.Ceiling(3 / partTarget) : 3;
        var partsPerSegment = Math.Max(1, (int)Math.Ceiling(HlsPlaylistWriter.TargetDurationSeconds(snapshot) / partTarget));

        // Parts between the last one and the requested one, counting full segments in between.
        var ahead = ((directives.Sequence - lastPart.Sequence) * partsPerSegment) + directives.Part - lastPart.Index;
        return ahead > limit + partsPerSegment;
    }

    /// <summary>init.mp4 (current generation), init-{key}.mp4, {sequence}.m4s and {sequence}.{part}.m4s (names: <see cref="MediaUrls"/>).</summary>
    public Task RenditionFileAsync(HttpContext context)
    {
        if (!TryGetRendition(context, out var rendition))
        {
            return NotFound(context, "rendition");
        }

        var file = RouteValue(context, "file").AsSpan();
        var snapshot = rendition.Window.Snapshot;
        if (file.EndsWith(MediaUrls.SegmentExtension, StringComparison.Ordinal))
        {
            var name = file[..^MediaUrls.SegmentExtension.Length];
            var dot = name.IndexOf('.');
            if (dot < 0)
            {
                if (long.TryParse(name, NumberStyles.None, CultureInfo.InvariantCulture, out var sequence))
                {
                    if (snapshot.Find(sequence) is { } segment)
                    {
                        return WriteAsync(context, segment.Data, SegmentContentType, HlsCachePolicy.Immutable, segment.ETag, ranges: true);
                    }

                    if (sequence == snapshot.NextSequence && snapshot.OpenPartArray.Length > 0 && !snapshot.Ended && _partTarget > TimeSpan.Zero)
                    {
                        // The segment being written, once its first part is out (low-latency DASH may ask for it
                        // early): sent part by part. Before that, 404 as for any segment not yet in the window.
                        return OpenSegmentAsync(context, rendition, sequence);
                    }

                    if (snapshot.SegmentArray.Length > 0 && sequence < snapshot.MediaSequence)
                    {
                        Log.OutsideWindow(_logger, sequence, context.Request.Path.Value, snapshot.MediaSequence, snapshot.Latest!.Sequence);
                    }
                }

                return NotFound(context, "segment");
            }

            if (long.TryParse(name[..dot], NumberStyles.None, CultureInfo.InvariantCulture, out var partSequence)
                && int.TryParse(name[(dot + 1)..], NumberStyles.None, CultureInfo.InvariantCulture, out var index))
            {
                if (snapshot.FindPart(partSequence, index) is { } part)
                {
                    return WriteAsync(context, part.Data, SegmentContentType, HlsCachePolicy.Immutable, part.ETag, ranges: true);
                }

                if (partSequence == snapshot.NextSequence && index == snapshot.OpenPartArray.Length && !snapshot.Ended && _partTarget > TimeSpan.Zero)
                {
                    // The part EXT-X-PRELOAD-HINT names: held until it is published (§6.2.6).
                    return HintedPartAsync(context, rendition, snapshot, partSequence, index);
                }
            }

            return NotFound(context, "part");
        }

        if (file.SequenceEqual(MediaUrls.CurrentInitFile))
        {
            // The current generation under a fixed name: may change, so cached like a playlist.
            return snapshot.CurrentInit is { } current
                ? WriteAsync(context, current.Data, InitContentType, HlsCachePolicy.ForPlaylist(HlsPlaylistWriter.TargetDurationSeconds(snapshot)), current.ETag, ranges: true)
                : NotFound(context, "init");
        }

        if (file.StartsWith(MediaUrls.InitFilePrefix, StringComparison.Ordinal) && file.EndsWith(MediaUrls.InitFileExtension, StringComparison.Ordinal)
            && snapshot.FindInit(file[MediaUrls.InitFilePrefix.Length..^MediaUrls.InitFileExtension.Length]) is { } init)
        {
            return WriteAsync(context, init.Data, InitContentType, HlsCachePolicy.Immutable, init.ETag, ranges: true);
        }

        return NotFound(context, "file");
    }

    private async Task HintedPartAsync(HttpContext context, HlsRendition rendition, LiveWindowSnapshot snapshot, long sequence, int index)
    {
        var ready = await HoldAsync(context, rendition.Window, snapshot, sequence, index, "hinted part").ConfigureAwait(false);
        if (ready is null)
        {
            return;
        }

        // The segment may have been cut before this index: then the hinted part never comes.
        if (ready.FindPart(sequence, index) is { } part)
        {
            await WriteAsync(context, part.Data, SegmentContentType, HlsCachePolicy.Immutable, part.ETag, ranges: true).ConfigureAwait(false);
        }
        else
        {
            await NotFound(context, "part").ConfigureAwait(false);
        }
    }

    public Task ThumbnailAsync(HttpContext context)
    {
        if (!_registry.TryGetThumbnail(RouteValue(context, "channel"), out var thumbnail))
        {
            return NotFound(context, "thumbnail");
        }

        return WriteAsync(context, thumbnail.Jpeg, JpegContentType, HlsCachePolicy.Thumbnail, thumbnail.ETag, ranges: false);
    }

    /// <summary>CORS preflight (Fetch standard §3.2.2): players may send Range and conditional headers.</summary>
    public Task PreflightAsync(HttpContext context)
    {
        var headers = context.Response.Headers;
        headers.AccessControlAllowOrigin = _allowedOrigin;
        headers.AccessControlAllowMethods = "GET, HEAD, OPTIONS";
        headers.AccessControlAllowHeaders = "Range, If-None-Match, If-Range";
        headers.AccessControlMaxAge = "86400";
        context.Response.StatusCode = StatusCodes.Status204NoContent;
        return Task.CompletedTask;
    }

    internal Task WriteAsync(HttpContext context, ReadOnlyMemory<byte> body, string contentType, string cacheControl, string? etag, bool ranges)
    {
        var request = context.Request;
        var response = context.Response;
        var headers = response.Headers;
        headers.AccessControlAllowOrigin = _allowedOrigin;
        headers.AccessControlExposeHeaders = ExposedHeaders;
        headers.CacheControl = cacheControl;
        headers.ContentType = contentType;
        if (etag is not null)
        {
            headers.ETag = etag;
            if (Matches(request.Headers.IfNoneMatch, etag))
            {
                response.StatusCode = StatusCodes.Status304NotModified;
                return Task.CompletedTask;
            }
        }

        long start = 0;
        long count = body.Length;
        if (ranges)
        {
            headers.AcceptRanges = "bytes";
            var range = request.Headers.Range;
            var ifRange = request.Headers.IfRange;
            if (range.Count == 1 && (ifRange.Count == 0 || (etag is not null && ifRange.ToString() == etag)))
            {
                switch (HttpByteRange.Evaluate(range[0], body.Length, out start, out count))
                {
                    case HttpByteRangeKind.Satisfiable:
                        response.StatusCode = StatusCodes.Status206PartialContent;
                        headers.ContentRange = string.Create(CultureInfo.InvariantCulture, $"bytes {start}-{start + count - 1}/{body.Length}");
                        break;
                    case HttpByteRangeKind.Unsatisfiable:
                        response.StatusCode = StatusCodes.Status416RangeNotSatisfiable;
                        headers.ContentRange = "bytes */" + body.Length.ToString(CultureInfo.InvariantCulture);
                        response.ContentLength = 0;
                        return Task.CompletedTask;
                    default:
                        start = 0;
                        count = body.Length;
                        break;
                }
            }
        }

        response.ContentLength = count;
        if (HttpMethods.IsHead(request.Method))
        {
            return Task.CompletedTask;
        }

        var write = response.Body.WriteAsync(body.Slice((int)start, (int)count), context.RequestAborted);
        return write.IsCompletedSuccessfully ? Task.CompletedTask : write.AsTask();
    }

    private Task NotFound(HttpContext context, string what)
    {
        Log.NotFound(_logger, what, context.Request.Path.Value);
        var response = context.Response;
        response.StatusCode = StatusCodes.Status404NotFound;
        response.Headers.AccessControlAllowOrigin = _allowedOrigin;
        response.Headers.CacheControl = HlsCachePolicy.NoStore;
        response.ContentLength = 0;
        return Task.CompletedTask;
    }

    private Task BadRequest(HttpContext context, string what)
    {
        Log.BadRequest(_logger, what, context.Request.Path.Value);
        return Error(context, StatusCodes.Status400BadRequest);
    }

    /// <summary>503 with Retry-After: 1 (RFC 9110 §10.2.3), not stored: try again in a second.</summary>
    private Task Unavailable(HttpContext context, string what)
    {
        Log.Unavailable(_logger, what, context.Request.Path.Value);
        context.Response.Headers.RetryAfter = "1";
        return Error(context, StatusCodes.Status503ServiceUnavailable);
    }

    private Task Error(HttpContext context, int status)
    {
        var response = context.Response;
        response.StatusCode = status;
        response.Headers.AccessControlAllowOrigin = _allowedOrigin;
        response.Headers.CacheControl = HlsCachePolicy.NoStore;
        response.ContentLength = 0;
        return Task.CompletedTask;
    }

    private bool TryGetRendition(HttpContext context, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out HlsRendition? rendition)
    {
        rendition = null;
        return _registry.TryGet(RouteValue(context, "channel"), out var stream)
            && stream.TryGetRendition(RouteValue(context, "rendition"), out rendition);
    }

    private static string RouteValue(HttpContext context, string name) =>
        context.Request.RouteValues[name] as string ?? string.Empty;

    private static bool Matches(StringValues ifNoneMatch, string etag)
    {
        foreach (var value in ifNoneMatch)
        {
            if (value is null)
            {
                continue;
            }

            var span = value.AsSpan().Trim();
            if (span.SequenceEqual("*") || span.IndexOf(etag.AsSpan(), StringComparison.Ordinal) >= 0)
            {
                return true;
            }
        }

        return false;
    }

    private static partial class Log
    {
        [LoggerMessage(EventId = 2201, EventName = "HlsOriginNotFound", Level = LogLevel.Debug,
            Message = "HLS origin: no {What} for {Path}")]
        public static partial void NotFound(ILogger logger, string what, string? path);

        [LoggerMessage(EventId = 2202, EventName = "HlsOriginBadRequest", Level = LogLevel.Debug,
            Message = "HLS origin: bad {What} in {Path}")]
        public static partial void BadRequest(ILogger logger, string what, string? path);

        [LoggerMessage(EventId = 2203, EventName = "HlsOriginUnavailable", Level = LogLevel.Debug,
            Message = "HLS origin: {What} unavailable for {Path}")]
        public static partial void Unavailable(ILogger logger, string what, string? path);

        [LoggerMessage(EventId = 2205, EventName = "HlsOriginSegmentOutsideWindow", Level = LogLevel.Information,
            Message = "HLS origin: segment {Sequence} requested at {Path} has left the window (segments {Oldest} to {Latest}); answering 404")]
        public static partial void OutsideWindow(ILogger logger, long sequence, string? path, long oldest, long latest);

        [LoggerMessage(EventId = 2206, EventName = "HlsOriginOpenSegmentStalled", Level = LogLevel.Information,
            Message = "HLS origin: open segment at {Path} got no part for {Seconds} s; response aborted")]
        public static partial void OpenSegmentStalled(ILogger logger, string? path, int seconds);

        [LoggerMessage(EventId = 2204, EventName = "HlsOriginTooManyBlocked", Level = LogLevel.Warning,
            Message = "HLS origin: {Max} blocking playlist requests already held; answering 503")]
        public static partial void TooManyBlocked(ILogger logger, int max);
    }
}
