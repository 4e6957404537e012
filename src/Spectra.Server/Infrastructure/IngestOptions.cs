using System.ComponentModel.DataAnnotations;

namespace Spectra.Server.Infrastructure;

/// <summary>Configuration section "Ingest": where publishers connect.</summary>
internal sealed class IngestOptions
{
    public const string SectionName = "Ingest";

    /// <summary>RTMP TCP port, default 1935; 0 disables RTMP ingest. Environment: Ingest__RtmpPort.</summary>
    [Range(0, 65535)]
    public int RtmpPort { get; set; } = 1935;

    /// <summary>
    /// RTMPS (RTMP over TLS, OBS's rtmps://) TCP port with the certificate of the "Tls" section; default 0
    /// = off. Environment: Ingest__RtmpsPort.
    /// </summary>
    [Range(0, 65535)]
    public int RtmpsPort { get; set; }

    /// <summary>
    /// Host name shown in the ingest URLs (rtmp://HOST:PORT/live, rtmps://HOST:PORT/live). Empty: the host of the request that
    /// renders the dashboard. Environment: Ingest__PublicHost.
    /// </summary>
    public string PublicHost { get; set; } = "";
}
