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
    private readonly ILogger _logger;

    public HlsOrigin(HlsStreamRegistry registry, HlsOriginOptions options, ILogger logger)
    {
        _registry = registry;
        _allowedOrigin = options.AllowedOrigin;
        _logger = logger;
    }

    public Task MasterAsync(HttpContext context)
    {
        if (!_registry.TryGet(RouteValue(context, "channel"), out var stream))
        {
            return NotFound(context, "channel");
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

        var snapshot = rendition.Window.Snapshot;
        if (snapshot.SegmentArray.Length == 0)
        {
            return NotFound(context, "playlist");
        }

        var playlist = rendition.GetMediaPlaylist(snapshot);
        return WriteAsync(context, playlist.Utf8, PlaylistContentType, playlist.CacheControl, playlist.ETag, ranges: false);
    }

    /// <summary>init.mp4 (current generation), init-{key}.mp4 and {sequence}.m4s.</summary>
    public Task RenditionFileAsync(HttpContext context)
    {
        if (!TryGetRendition(context, out var rendition))
        {
            return NotFound(context, "rendition");
        }

        var file = RouteValue(context, "file").AsSpan();
        var snapshot = rendition.Window.Snapshot;
        if (file.EndsWith(".m4s", StringComparison.Ordinal))
        {
            if (long.TryParse(file[..^4], NumberStyles.None, CultureInfo.InvariantCulture, out var sequence)
                && snapshot.Find(sequence) is { } segment)
            {
                return WriteAsync(context, segment.Data, SegmentContentType, HlsCachePolicy.Immutable, segment.ETag, ranges: true);
            }

            return NotFound(context, "segment");
        }

        if (file.SequenceEqual("init.mp4"))
        {
            // The current generation under a fixed name: may change, so cached like a playlist.
            return snapshot.CurrentInit is { } current
                ? WriteAsync(context, current.Data, InitContentType, HlsCachePolicy.ForPlaylist(HlsPlaylistWriter.TargetDurationSeconds(snapshot)), current.ETag, ranges: true)
                : NotFound(context, "init");
        }

        if (file.StartsWith("init-", StringComparison.Ordinal) && file.EndsWith(".mp4", StringComparison.Ordinal)
            && snapshot.FindInit(file[5..^4]) is { } init)
        {
            return WriteAsync(context, init.Data, InitContentType, HlsCachePolicy.Immutable, init.ETag, ranges: true);
        }

        return NotFound(context, "file");
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
    }
}
