using System.Text;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Options;
using Spectra.Server.Live.Internal;

namespace Spectra.Server.Live;

/// <summary>
/// GET /live/events: server-sent events (text/event-stream) for pages that follow live state without
/// reloading. On connect: <c>event: snapshot</c> with every live channel, then <c>online</c> / <c>offline</c>
/// as channels change, and a comment line every <see cref="LiveOptions.EventsHeartbeat"/>.
/// </summary>
internal static class LiveEventsEndpoint
{
    public static async Task HandleAsync(HttpContext http, LiveEventBroadcaster broadcaster, LiveDirectory directory, IOptions<LiveOptions> options, IHostApplicationLifetime lifetime)
    {
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(http.RequestAborted, lifetime.ApplicationStopping);
        var ct = stop.Token;
        var response = http.Response;
        response.ContentType = "text/event-stream; charset=utf-8";
        response.Headers.CacheControl = "no-cache, no-store";
        response.Headers["X-Accel-Buffering"] = "no";
        http.Features.Get<IHttpResponseBodyFeature>()?.DisableBuffering();

        // Subscribe before reading the snapshot so nothing between the two is lost; clients apply both idempotently.
        using var client = broadcaster.Connect();
        var live = await directory.GetLiveChannelsAsync(200, ct);
        var snapshot = new List<LiveEventPayload>(live.Count);
        foreach (var card in live)
        {
            snapshot.Add(LiveEventPayload.From(card));
        }

        try
        {
            await WriteAsync(response, "retry: 3000\n\n" + LiveEventBroadcaster.Frame("snapshot", snapshot), ct);
            var heartbeat = options.Value.EventsHeartbeat;
            while (!ct.IsCancellationRequested)
            {
                using var wait = CancellationTokenSource.CreateLinkedTokenSource(ct);
                wait.CancelAfter(heartbeat);
                string frame;
                try
                {
                    if (!await client.Frames.WaitToReadAsync(wait.Token))
                    {
                        return;
                    }

                    if (!client.Frames.TryRead(out frame!))
                    {
                        continue;
                    }
                }
                catch (OperationCanceledException) when (!ct.IsCancellationRequested)
                {
                    frame = ": keep-alive\n\n";
                }

                await WriteAsync(response, frame, ct);
            }
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            // The client left or the server is stopping.
        }
    }

    private static async Task WriteAsync(HttpResponse response, string text, CancellationToken ct)
    {
        await response.Body.WriteAsync(Encoding.UTF8.GetBytes(text), ct);
        await response.Body.FlushAsync(ct);
    }
}
