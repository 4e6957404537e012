using System.Diagnostics.CodeAnalysis;

namespace Spectra.Rtmp;

/// <summary>
/// Where a publish goes: an <c>rtmp://</c> or <c>rtmps://</c> server URL (host, optional port, application path)
/// and the stream key, which RTMP sends as the publish name. <see cref="ToString"/> leaves the key out, so a target
/// can be logged.
/// </summary>
public sealed class RtmpPublishTarget
{
    /// <summary>Longest server URL accepted, characters.</summary>
    public const int MaxUrlLength = 512;

    /// <summary>Longest stream key accepted, characters.</summary>
    public const int MaxStreamKeyLength = 256;

    private RtmpPublishTarget(bool secure, string host, int port, string app, string streamKey)
    {
        IsSecure = secure;
        Host = host;
        Port = port;
        App = app;
        StreamKey = streamKey;
    }

    /// <summary>True for <c>rtmps://</c>: RTMP inside TLS.</summary>
    public bool IsSecure { get; }

    public string Host { get; }

    /// <summary>The URL's port, else 1935 for rtmp and 443 for rtmps.</summary>
    public int Port { get; }

    /// <summary>The application path (connect's <c>app</c>), without leading or trailing slash, e.g. <c>live2</c>.</summary>
    public string App { get; }

    /// <summary>The publish name. Secret: never log it.</summary>
    public string StreamKey { get; }

    /// <summary>connect's <c>tcUrl</c>: the server URL without the key.</summary>
    public string TcUrl => $"{(IsSecure ? "rtmps" : "rtmp")}://{Host}:{Port}/{App}";

    /// <summary>Parses and checks a server URL and a stream key; <paramref name="error"/> says what is wrong.</summary>
    public static bool TryCreate(string? url, string? streamKey, [NotNullWhen(true)] out RtmpPublishTarget? target, [NotNullWhen(false)] out string? error)
    {
        target = null;
        if (!TryParseUrl(url, out var secure, out var host, out var port, out var app, out error))
        {
            return false;
        }

        if (!IsValidStreamKey(streamKey, out error))
        {
            return false;
        }

        target = new RtmpPublishTarget(secure, host, port, app, streamKey!);
        return true;
    }

    /// <summary>
    /// Checks a server URL: scheme rtmp or rtmps, a host, an optional port, a non-empty application path, no user
    /// name, query or fragment, at most <see cref="MaxUrlLength"/> characters.
    /// </summary>
    public static bool IsValidUrl(string? url, [NotNullWhen(false)] out string? error)
        => TryParseUrl(url, out _, out _, out _, out _, out error);

    /// <summary>Checks a stream key: 1–<see cref="MaxStreamKeyLength"/> visible ASCII characters (no spaces).</summary>
    public static bool IsValidStreamKey(string? streamKey, [NotNullWhen(false)] out string? error)
    {
        if (string.IsNullOrEmpty(streamKey))
        {
            error = "The stream key is empty.";
            return false;
        }

        if (streamKey.Length > MaxStreamKeyLength)
        {
            error = $"The stream key is longer than {MaxStreamKeyLength} characters.";
            return false;
        }

        foreach (var c in streamKey)
        {
            if (c is < '!' or > '~')
            {
                error = "The stream key may contain only visible ASCII characters, without spaces.";
                return false;
            }
        }

        error = null;
        return true;
    }

    /// <summary>The server URL without the key, safe to log.</summary>
    public override string ToString() => TcUrl;

    private static bool TryParseUrl(string? url, out bool secure, out string host, out int port, out string app, [NotNullWhen(false)] out string? error)
    {
        secure = false;
        host = string.Empty;
        port = 0;
        app = string.Empty;
        if (string.IsNullOrWhiteSpace(url))
        {
            error = "The server URL is empty.";
            return false;
        }

        if (url.Length > MaxUrlLength)
        {
            error = $"The server URL is longer than {MaxUrlLength} characters.";
            return false;
        }

        if (!Uri.TryCreate(url.Trim(), UriKind.Absolute, out var uri))
        {
            error = "The server URL is not a valid URL.";
            return false;
        }

        if (uri.Scheme is not ("rtmp" or "rtmps"))
        {
            error = "The server URL must start with rtmp:// or rtmps://.";
            return false;
        }

        if (string.IsNullOrEmpty(uri.Host) || uri.HostNameType == UriHostNameType.Unknown)
        {
            error = "The server URL has no host.";
            return false;
        }

        if (!string.IsNullOrEmpty(uri.UserInfo) || !string.IsNullOrEmpty(uri.Query) || !string.IsNullOrEmpty(uri.Fragment))
        {
            error = "The server URL may not carry a user name, query or fragment; put the stream key in its own field.";
            return false;
        }

        var path = uri.AbsolutePath.Trim('/');
        if (path.Length == 0)
        {
            error = "The server URL needs an application path, e.g. rtmp://live.twitch.tv/app.";
            return false;
        }

        secure = uri.Scheme == "rtmps";
        host = uri.IdnHost;
        port = uri.IsDefaultPort || uri.Port <= 0 ? (secure ? 443 : 1935) : uri.Port;
        app = Uri.UnescapeDataString(path);
        error = null;
        return true;
    }
}
