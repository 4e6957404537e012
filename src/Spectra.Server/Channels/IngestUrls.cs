using Microsoft.Extensions.Options;
using Spectra.Server.Infrastructure;

namespace Spectra.Server.Channels;

/// <summary>The RTMP(S) URLs creators paste into OBS ("Server") or ffmpeg (server + "/" + key).</summary>
internal sealed class IngestUrls(IOptions<IngestOptions> options)
{
    public string Server(HttpRequest request) => Url(request, "rtmp", options.Value.RtmpPort, defaultPort: 1935);

    /// <summary>The rtmps:// server (TLS, the port OBS and ffmpeg assume is 443), or null when Ingest:RtmpsPort is 0.</summary>
    public string? SecureServer(HttpRequest request) =>
        options.Value.RtmpsPort == 0 ? null : Url(request, "rtmps", options.Value.RtmpsPort, defaultPort: 443);

    public string Full(HttpRequest request, string streamKey) => Server(request) + "/" + streamKey;

    public string? SecureFull(HttpRequest request, string streamKey) => SecureServer(request) is { } server ? server + "/" + streamKey : null;

    private string Url(HttpRequest request, string scheme, int port, int defaultPort)
    {
        ArgumentNullException.ThrowIfNull(request);
        var host = string.IsNullOrWhiteSpace(options.Value.PublicHost) ? request.Host.Host : options.Value.PublicHost;
        return port == defaultPort ? $"{scheme}://{host}/live" : $"{scheme}://{host}:{port}/live";
    }
}
