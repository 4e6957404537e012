using Spectra.Media;

namespace Spectra.Server.Infrastructure;

/// <summary>
/// Response headers for every page: no MIME sniffing, no framing by other sites, a strict content
/// security policy (scripts and styles only from this host; media from blob: for MSE playback).
/// </summary>
internal static class SecurityHeadersMiddleware
{
    private const string PolicyBeforeConnect =
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data: blob:; " +
        "media-src 'self' blob:; worker-src 'self' blob:; connect-src 'self'";

    private const string PolicyAfterConnect =
        "; frame-ancestors 'self'; base-uri 'self'; form-action 'self'; object-src 'none'";

    public static IApplicationBuilder UseSpectraSecurityHeaders(this IApplicationBuilder app) =>
        app.Use((context, next) =>
        {
            var headers = context.Response.Headers;
            headers.XContentTypeOptions = "nosniff";
            headers["Referrer-Policy"] = "strict-origin-when-cross-origin";
            if (!context.Request.Path.StartsWithSegments(MediaUrls.HlsPrefix) && !context.Request.Path.StartsWithSegments(MediaUrls.DashPrefix))
            {
                headers.XFrameOptions = "SAMEORIGIN";
                headers.ContentSecurityPolicy = ContentSecurityPolicy(context.Request.Host);
            }

            return next(context);
        });

    /// <summary>
    /// The policy with connect-src narrowed to this site: its own origin, and WebSockets (chat,
    /// notifications, live FLV) to this host only, as ws:// and wss:// (older browsers do not let
    /// 'self' cover WebSocket schemes).
    /// </summary>
    internal static string ContentSecurityPolicy(HostString host)
    {
        var value = host.Value;
        if (string.IsNullOrEmpty(value) || value.AsSpan().IndexOfAny(" ;,'\"\r\n") >= 0)
        {
            return PolicyBeforeConnect + PolicyAfterConnect;
        }

        return $"{PolicyBeforeConnect} ws://{value} wss://{value}{PolicyAfterConnect}";
    }
}
