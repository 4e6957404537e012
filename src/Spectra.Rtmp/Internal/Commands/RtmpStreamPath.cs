namespace Spectra.Rtmp.Internal.Commands;

/// <summary>
/// Normalises where clients put the stream key. Accepted forms, all resolving to app <c>live</c>, key <c>KEY</c>:
/// <code>
/// connect app      publish name     tcUrl
/// live             KEY              rtmp://host/live                (ffmpeg, GStreamer, OBS "server + key")
/// live             KEY?token=x      ...                             (query strings are stripped)
/// live/KEY         ""               rtmp://host/live/KEY            (OBS with the key in the server URL)
/// live             ""               rtmp://host/live/KEY?x=y        (key only in tcUrl)
/// ""               live/KEY         rtmp://host/                    (app in the stream name)
/// </code>
/// </summary>
internal static class RtmpStreamPath
{
    public static (string App, string StreamName) Resolve(string app, string publishName, string? tcUrl)
    {
        app = Clean(app);
        var name = Clean(publishName);

        if (app.Length == 0 && name.Contains('/', StringComparison.Ordinal))
        {
            var slash = name.IndexOf('/', StringComparison.Ordinal);
            return (name[..slash], Clean(name[(slash + 1)..]));
        }

        if (name.Length == 0)
        {
            var slash = app.IndexOf('/', StringComparison.Ordinal);
            if (slash >= 0)
            {
                return (app[..slash], Clean(app[(slash + 1)..]));
            }

            var path = TcUrlPath(tcUrl);
            if (path.Length > 0)
            {
                if (app.Length > 0 && path.StartsWith(app + "/", StringComparison.Ordinal))
                {
                    return (app, Clean(path[(app.Length + 1)..]));
                }

                slash = path.IndexOf('/', StringComparison.Ordinal);
                if (app.Length == 0 && slash >= 0)
                {
                    return (path[..slash], Clean(path[(slash + 1)..]));
                }
            }
        }

        return (app, name);
    }

    /// <summary>Strips a query string and surrounding slashes and white space.</summary>
    private static string Clean(string value)
    {
        var query = value.IndexOf('?', StringComparison.Ordinal);
        if (query >= 0)
        {
            value = value[..query];
        }

        return value.Trim().Trim('/');
    }

    /// <summary>The path of a tcUrl (<c>rtmp://host[:port]/path?query</c>) without slashes at either end and without the query.</summary>
    private static string TcUrlPath(string? tcUrl)
    {
        if (string.IsNullOrEmpty(tcUrl))
        {
            return "";
        }

        var scheme = tcUrl.IndexOf("://", StringComparison.Ordinal);
        var rest = scheme >= 0 ? tcUrl[(scheme + 3)..] : tcUrl;
        var slash = rest.IndexOf('/', StringComparison.Ordinal);
        return slash < 0 ? "" : Clean(rest[(slash + 1)..]);
    }
}
