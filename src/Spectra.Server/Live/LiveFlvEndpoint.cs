using System.Buffers;
using System.Net.WebSockets;
using Microsoft.AspNetCore.Connections;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Options;
using Spectra.Media;
using Spectra.Media.Delivery;
using Spectra.Media.Hls;
using Spectra.Media.Live;
using Spectra.Server.Channels;

namespace Spectra.Server.Live;

/// <summary>
/// GET /live/{channel}.flv: the channel's live stream as FLV, from the stream's <see cref="FlvFanOut"/>.
/// A plain GET gets a chunked <c>video/x-flv</c> body (HTTP-FLV: ffmpeg, ffplay, VLC, mpegts.js); a WebSocket
/// upgrade on the same URL gets the same bytes as binary messages (WebSocket-FLV: mpegts.js). Both start with
/// the FLV header, metadata, sequence headers and the cached GOP, so the first frame decodes at once.
/// </summary>
internal static partial class LiveFlvEndpoint
{
    /// <summary>WebSocket close status for an unknown or offline channel (application range 4000–4999).</summary>
    public const WebSocketCloseStatus NotLive = (WebSocketCloseStatus)4404;

    /// <summary>Bytes written per flush or WebSocket message, at most (one tag more when a tag is larger).</summary>
    private const int MaxBatchBytes = 256 * 1024;

    public static IEndpointRouteBuilder MapLiveFlv(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet(MediaUrls.FlvRoute, HandleAsync).ExcludeFromDescription();
        endpoints.MapMethods(MediaUrls.FlvRoute, ["OPTIONS"], Preflight).ExcludeFromDescription();
        return endpoints;
    }

    private static async Task HandleAsync(
        HttpContext http,
        string channel,
        LiveStreamManager streams,
        ChannelService channels,
        IOptions<HlsOriginOptions> hls,
        IHostApplicationLifetime lifetime,
        ILoggerFactory loggers)
    {
        var logger = loggers.CreateLogger(typeof(LiveFlvEndpoint));
        http.Response.Headers.AccessControlAllowOrigin = hls.Value.AllowedOrigin;
        FlvViewer? viewer = null;
        if (streams.TryGet(channel, out var stream) && stream.Flv is { } flv)
        {
            viewer = flv.Subscribe();
        }

        using (viewer)
        {
            if (viewer is null)
            {
                bool known = await channels.FindByOwnerNameAsync(channel, http.RequestAborted) is not null;
                Log.NotLive(logger, channel, known);
                await RefuseAsync(http, channel, known);
                return;
            }

            using var stop = CancellationTokenSource.CreateLinkedTokenSource(http.RequestAborted, lifetime.ApplicationStopping, viewer.Closed);
            bool webSocket = http.WebSockets.IsWebSocketRequest;
            Log.ViewerStarted(logger, channel, webSocket ? "WebSocket-FLV" : "HTTP-FLV", http.Connection.Id);
            try
            {
                if (webSocket)
                {
                    await StreamWebSocketAsync(http, viewer, stop.Token);
                }
                else
                {
                    await StreamHttpAsync(http, viewer, stop.Token);
                }
            }
            catch (OperationCanceledException) when (viewer.Closed.IsCancellationRequested)
            {
                // Too slow or stalled: the fan-out has dropped it; cut the connection rather than wait for it.
                http.Abort();
            }
            catch (OperationCanceledException) when (stop.IsCancellationRequested)
            {
            }
            catch (Exception ex) when (ex is IOException or WebSocketException or ConnectionResetException)
            {
            }

            Log.ViewerEnded(logger, channel, http.Connection.Id, viewer.CloseReason, viewer.SkippedTags);
        }
    }

    private static async Task StreamHttpAsync(HttpContext http, FlvViewer viewer, CancellationToken ct)
    {
        var response = http.Response;
        response.ContentType = "video/x-flv";
        response.Headers.CacheControl = "no-cache, no-store";
        response.Headers["X-Accel-Buffering"] = "no";
        http.Features.Get<IHttpResponseBodyFeature>()?.DisableBuffering();
        var writer = response.BodyWriter;
        viewer.WriteFlvHeader(writer);
        await writer.FlushAsync(ct);
        while (await viewer.WaitToReadAsync(ct))
        {
            viewer.WriteAvailable(writer, MaxBatchBytes);
            await writer.FlushAsync(ct);
        }
    }

    private static async Task StreamWebSocketAsync(HttpContext http, FlvViewer viewer, CancellationToken ct)
    {
        using var socket = await http.WebSockets.AcceptWebSocketAsync();
        // The client sends nothing but its close. Its close only stops the waiting, never a send in progress:
        // cancelling a send aborts the socket.
        using var clientClosed = CancellationTokenSource.CreateLinkedTokenSource(ct);
        var receiving = ReceiveUntilCloseAsync(socket, clientClosed);
        var batch = new ArrayBufferWriter<byte>(64 * 1024);
        try
        {
            viewer.WriteFlvHeader(batch);
            await socket.SendAsync(batch.WrittenMemory, WebSocketMessageType.Binary, true, ct);
            while (await viewer.WaitToReadAsync(clientClosed.Token) && socket.State == WebSocketState.Open)
            {
                batch.ResetWrittenCount();
                viewer.WriteAvailable(batch, MaxBatchBytes);
                await socket.SendAsync(batch.WrittenMemory, WebSocketMessageType.Binary, true, ct);
            }
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
        }

        if (socket.State is WebSocketState.Open or WebSocketState.CloseReceived)
        {
            // Stream ended, or the client closed: complete the close handshake.
            using var closing = CancellationTokenSource.CreateLinkedTokenSource(ct);
            closing.CancelAfter(TimeSpan.FromSeconds(2));
            await socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, socket.State == WebSocketState.Open ? "stream ended" : null, closing.Token);
        }

        await receiving.WaitAsync(TimeSpan.FromSeconds(2), CancellationToken.None).ContinueWith(static _ => { }, TaskScheduler.Default);
    }

    private static async Task ReceiveUntilCloseAsync(WebSocket socket, CancellationTokenSource clientClosed)
    {
        var buffer = new byte[256];
        try
        {
            while (socket.State is WebSocketState.Open or WebSocketState.CloseSent)
            {
                var result = await socket.ReceiveAsync(buffer, clientClosed.Token);
                if (result.MessageType == WebSocketMessageType.Close)
                {
                    break;
                }
            }
        }
        catch (Exception ex) when (ex is OperationCanceledException or WebSocketException or ObjectDisposedException)
        {
        }

        await clientClosed.CancelAsync();
    }

    private static async Task RefuseAsync(HttpContext http, string channel, bool known)
    {
        string detail = known ? $"Channel '{channel}' is offline." : $"No channel named '{channel}'.";
        if (http.WebSockets.IsWebSocketRequest)
        {
            using var socket = await http.WebSockets.AcceptWebSocketAsync();
            await socket.CloseOutputAsync(NotLive, known ? "channel offline" : "unknown channel", http.RequestAborted);
            return;
        }

        http.Response.Headers.CacheControl = "no-store";
        await TypedResults.Problem(
            title: known ? "Channel offline" : "Channel not found",
            detail: detail,
            statusCode: StatusCodes.Status404NotFound).ExecuteAsync(http);
    }

    private static IResult Preflight(HttpContext http, IOptions<HlsOriginOptions> hls)
    {
        var headers = http.Response.Headers;
        headers.AccessControlAllowOrigin = hls.Value.AllowedOrigin;
        headers.AccessControlAllowMethods = "GET, OPTIONS";
        headers.AccessControlAllowHeaders = "Range";
        headers.AccessControlMaxAge = "86400";
        return TypedResults.NoContent();
    }

    private static partial class Log
    {
        [LoggerMessage(EventId = 3030, EventName = "LiveFlvNotLive", Level = LogLevel.Debug,
            Message = "FLV request for channel '{Channel}' refused: not live (known channel: {Known})")]
        public static partial void NotLive(ILogger logger, string channel, bool known);

        [LoggerMessage(EventId = 3031, EventName = "LiveFlvViewerStarted", Level = LogLevel.Debug,
            Message = "Channel '{Channel}': {Mode} viewer on connection {ConnectionId}")]
        public static partial void ViewerStarted(ILogger logger, string channel, string mode, string connectionId);

        [LoggerMessage(EventId = 3032, EventName = "LiveFlvViewerEnded", Level = LogLevel.Debug,
            Message = "Channel '{Channel}': FLV viewer on connection {ConnectionId} ended ({Reason}, {Skipped} tags skipped)")]
        public static partial void ViewerEnded(ILogger logger, string channel, string connectionId, FlvViewerCloseReason reason, long skipped);
    }
}
