namespace Spectra.Server.Infrastructure;

/// <summary>
/// The check that keeps pages of other sites from opening WebSockets with a visitor's cookie
/// (cross-site WebSocket hijacking): browsers always send Origin on a WebSocket handshake, so a
/// request whose Origin names another host is refused. Non-browser clients send no Origin.
/// </summary>
internal static class SameOrigin
{
    public static bool IsAllowed(HttpRequest request)
    {
        var origin = request.Headers.Origin.ToString();
        return string.IsNullOrEmpty(origin)
            || (Uri.TryCreate(origin, UriKind.Absolute, out var originUri)
                && string.Equals(originUri.Authority, request.Host.Value, StringComparison.OrdinalIgnoreCase));
    }
}
