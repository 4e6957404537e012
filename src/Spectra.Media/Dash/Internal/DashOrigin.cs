using System.Globalization;
using System.Runtime.CompilerServices;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Primitives;
using Spectra.Media.Hls;
using Spectra.Media.Hls.Internal;

namespace Spectra.Media.Dash.Internal;

/// <summary>
/// Request handlers of MPEG-DASH: the MPD per channel, the clock its UTCTiming names, and the init segments
/// and segments it names, which are the HLS origin's: the same handler serves the same bytes from the same
/// live window (segment being written included, part by part).
/// </summary>
internal sealed partial class DashOrigin
{
    public const string ManifestContentType = "application/dash+xml";
    public const string TimeContentType = "text/plain; charset=utf-8";

    private readonly HlsStreamRegistry _registry;
    private readonly StringValues _allowedOrigin;
    private readonly TimeSpan _partTarget;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly HlsOrigin _files;
    private readonly ConditionalWeakTable<HlsStream, DashManifestCache> _manifests = [];

    /// <param name="partTarget">LL part target; zero describes plain (not low-latency) DASH.</param>
    /// <param name="files">Serves init segments and segments.</param>
    public DashOrigin(HlsStreamRegistry registry, HlsOriginOptions options, TimeSpan partTarget, TimeProvider time, ILogger logger, HlsOrigin files)
    {
        _files = files;
        _registry = registry;
        _allowedOrigin = options.AllowedOrigin;
        _partTarget = partTarget;
        _time = time;
        _logger = logger;
    }

    public Task ManifestAsync(HttpContext context)
    {
        var channel = context.Request.RouteValues["channel"] as string ?? string.Empty;
        if (!_registry.TryGet(channel, out var stream))
        {
            Log.NotFound(_logger, context.Request.Path.Value);
            return Error(context, StatusCodes.Status404NotFound);
        }

        var request = context.Request;
        var timeUrl = string.Concat(request.Scheme, "://", request.Host.Value, request.PathBase.Value, MediaUrls.DashTime);
        var body = _manifests.GetValue(stream, s => new DashManifestCache(s)).Get(_partTarget, timeUrl, _time.GetUtcNow());
        if (body is null || !stream.IsReady)
        {
            // As the HLS master: nothing to describe yet (no init segment or segment); dash.js retries 5xx.
            Log.NotReady(_logger, context.Request.Path.Value);
            context.Response.Headers.RetryAfter = "1";
            return Error(context, StatusCodes.Status503ServiceUnavailable);
        }

        var target = 1;
        foreach (var rendition in stream.Renditions)
        {
            target = Math.Max(target, HlsPlaylistWriter.TargetDurationSeconds(rendition.Window.Snapshot));
        }

        return Write(context, body, ManifestContentType, HlsCachePolicy.ForPlaylist(target));
    }

    /// <summary>init-{key}.mp4: the HLS init segment.</summary>
    public Task InitAsync(HttpContext context)
    {
        var file = context.Request.RouteValues["file"] as string ?? string.Empty;
        if (!file.StartsWith(MediaUrls.InitFilePrefix, StringComparison.Ordinal))
        {
            Log.NotFound(_logger, context.Request.Path.Value);
            return Error(context, StatusCodes.Status404NotFound);
        }

        return _files.RenditionFileAsync(context);
    }

    /// <summary>{base}/{number}.m4s: HLS segment base + number (<see cref="MediaUrls.DashNumberBase"/>).</summary>
    public Task SegmentAsync(HttpContext context)
    {
        var values = context.Request.RouteValues;
        var file = (values["file"] as string ?? string.Empty).AsSpan();
        if (!long.TryParse(values["base"] as string, NumberStyles.None, CultureInfo.InvariantCulture, out var numberBase)
            || MediaUrls.DashNumberBase(numberBase) != numberBase
            || !file.EndsWith(MediaUrls.SegmentExtension, StringComparison.Ordinal)
            || !long.TryParse(file[..^MediaUrls.SegmentExtension.Length], NumberStyles.None, CultureInfo.InvariantCulture, out var number)
            || number > uint.MaxValue
            || numberBase > long.MaxValue - number)
        {
            Log.NotFound(_logger, context.Request.Path.Value);
            return Error(context, StatusCodes.Status404NotFound);
        }

        values["file"] = (numberBase + number).ToString(CultureInfo.InvariantCulture) + MediaUrls.SegmentExtension;
        return _files.RenditionFileAsync(context);
    }

    /// <summary>The server's clock as xs:dateTime (urn:mpeg:dash:utc:http-iso:2014), never cached.</summary>
    public Task TimeAsync(HttpContext context)
    {
        var now = _time.GetUtcNow().UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);
        return Write(context, System.Text.Encoding.ASCII.GetBytes(now), TimeContentType, HlsCachePolicy.NoStore);
    }

    /// <summary>CORS preflight, as the HLS origin's.</summary>
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

    private Task Write(HttpContext context, byte[] body, string contentType, string cacheControl)
    {
        var response = context.Response;
        var headers = response.Headers;
        headers.AccessControlAllowOrigin = _allowedOrigin;
        headers.AccessControlExposeHeaders = "Content-Length, Date";
        headers.CacheControl = cacheControl;
        headers.ContentType = contentType;
        response.ContentLength = body.Length;
        if (HttpMethods.IsHead(context.Request.Method))
        {
            return Task.CompletedTask;
        }

        var write = response.Body.WriteAsync(body, context.RequestAborted);
        return write.IsCompletedSuccessfully ? Task.CompletedTask : write.AsTask();
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

    private static partial class Log
    {
        [LoggerMessage(EventId = 2251, EventName = "DashManifestNotFound", Level = LogLevel.Debug,
            Message = "DASH: no live channel for {Path}")]
        public static partial void NotFound(ILogger logger, string? path);

        [LoggerMessage(EventId = 2252, EventName = "DashManifestNotReady", Level = LogLevel.Debug,
            Message = "DASH: {Path} has no segment yet; answering 503")]
        public static partial void NotReady(ILogger logger, string? path);
    }
}
