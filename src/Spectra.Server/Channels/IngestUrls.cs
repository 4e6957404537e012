using Microsoft.Extensions.Options;
using Spectra.Server.Infrastructure;

namespace Spectra.Server.Channels;

/// <summary>The RTMP URLs creators paste into OBS ("Server") or ffmpeg (server + "/" + key).</summary>
internal sealed class IngestUrls(IOptions<IngestOptions> options)
{
    public string Server(HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var host = string.IsNullOrWhiteSpace(options.Value.PublicHost) ? request.Host.Host : options.Value.PublicHost;
        var port = options.Value.RtmpPort;
        return port == 1935 ? $"rtmp://{host}/live" : $"rtmp://{host}:{port}/live";
    }

    public string Full(HttpRequest request, string streamKey) => Server(request) + "/" + streamKey;
}
