namespace Spectra.Rtmp.Internal.Commands;

/// <summary>
/// What of a client's app and tcUrl may be logged. Both can carry the stream key (OBS with the key in the server URL
/// sends app <c>live/KEY</c> and tcUrl <c>rtmp://host/live/KEY</c>), and query strings carry tokens, so only the
/// application itself is kept: the first path segment, and only when it is the configured application (any first
/// segment when none is configured, since the key never stands there then). Everything else becomes <see cref="Redacted"/>:
/// <code>
/// live                            live
/// live/KEY                        live/[redacted]
/// live?token=T                    live?[redacted]
/// KEY                             [redacted]               (not the configured application)
/// rtmp://host:1935/live/KEY?x=y   rtmp://host:1935/live/[redacted]?[redacted]
/// rtmp://user:pw@host/live        rtmp://[redacted]@host/live
/// </code>
/// Stream names (the <c>publish</c> argument) are never logged at all.
/// </summary>
internal static class RtmpLogRedaction
{
    public const string Redacted = "[redacted]";

    public static string App(string app, string? application)
    {
        var end = app.AsSpan().IndexOfAny('/', '?');
        var first = end < 0 ? app : app[..end];
        var known = first.Length == 0 || string.IsNullOrEmpty(application) || string.Equals(first, application, StringComparison.OrdinalIgnoreCase);
        var result = known ? first : Redacted;
        if (end < 0)
        {
            return result;
        }

        var query = app.IndexOf('?', end);
        var path = query < 0 ? app[end..] : app[end..query];
        if (path.Trim('/').Length > 0)
        {
            result += "/" + Redacted;
        }

        return query < 0 ? result : result + "?" + Redacted;
    }

    public static string? TcUrl(string? tcUrl, string? application)
    {
        if (string.IsNullOrEmpty(tcUrl))
        {
            return tcUrl;
        }

        var scheme = tcUrl.IndexOf("://", StringComparison.Ordinal);
        if (scheme < 0)
        {
            return App(tcUrl.TrimStart('/'), application);
        }

        var authorityStart = scheme + 3;
        var authorityEnd = tcUrl.AsSpan(authorityStart).IndexOfAny('/', '?');
        authorityEnd = authorityEnd < 0 ? tcUrl.Length : authorityStart + authorityEnd;
        var authority = tcUrl[authorityStart..authorityEnd];
        var at = authority.LastIndexOf('@');
        if (at >= 0)
        {
            authority = Redacted + authority[at..];
        }

        var rest = tcUrl[authorityEnd..];
        var redactedRest = rest.Length == 0 ? "" : rest[0] == '?' ? "?" + Redacted : "/" + App(rest.TrimStart('/'), application);
        return tcUrl[..authorityStart] + authority + redactedRest;
    }
}
