namespace Spectra.Server.Infrastructure;

/// <summary>
/// Response headers for every page: no MIME sniffing, no framing by other sites, a strict content
/// security policy (scripts and styles only from this host; media from blob: for MSE playback).
/// </summary>
internal static class SecurityHeadersMiddleware
{
    private const string ContentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data: blob:; " +
        "media-src 'self' blob:; worker-src 'self' blob:; connect-src 'self' ws: wss:; " +
        "frame-ancestors 'self'; base-uri 'self'; form-action 'self'; object-src 'none'";

    public static IApplicationBuilder UseSpectraSecurityHeaders(this IApplicationBuilder app) =>
        app.Use((context, next) =>
        {
            var headers = context.Response.Headers;
            headers.XContentTypeOptions = "nosniff";
            headers["Referrer-Policy"] = "strict-origin-when-cross-origin";
            if (!context.Request.Path.StartsWithSegments("/hls"))
            {
                headers.XFrameOptions = "SAMEORIGIN";
                headers.ContentSecurityPolicy = ContentSecurityPolicy;
            }

            return next(context);
        });
}
