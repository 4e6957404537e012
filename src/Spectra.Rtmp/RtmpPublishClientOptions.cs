namespace Spectra.Rtmp;

/// <summary>Settings of one outgoing publish connection (<see cref="RtmpPublishClient"/>).</summary>
public sealed class RtmpPublishClientOptions
{
    /// <summary>TCP connect, TLS and the command exchange up to NetStream.Publish.Start, together. Default 10 s.</summary>
    public TimeSpan ConnectTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>A write that the server does not take within this time breaks the connection. Default 10 s.</summary>
    public TimeSpan WriteTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Payload bytes per outgoing chunk, announced with Set Chunk Size. Default 4096 (OBS and ffmpeg use 4096).</summary>
    public int ChunkSize { get; set; } = 4096;

    /// <summary>
    /// Accept any TLS certificate for rtmps:// targets. For tests against a local server with a self-signed
    /// certificate only: it removes the protection TLS gives.
    /// </summary>
    public bool AllowUntrustedCertificates { get; set; }

    /// <summary>connect's flashVer, the encoder's name as the server sees it.</summary>
    public string FlashVersion { get; set; } = "FMLE/3.0 (compatible; Spectra)";
}
