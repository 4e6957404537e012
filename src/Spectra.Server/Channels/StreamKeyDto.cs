namespace Spectra.Server.Channels;

/// <param name="SecureIngestUrl">The rtmps:// URL with the key, or null when RTMPS is off (Ingest:RtmpsPort 0).</param>
/// <param name="SecureServerUrl">The rtmps:// server, or null when RTMPS is off.</param>
internal sealed record StreamKeyDto(string StreamKey, string IngestUrl, string ServerUrl, string? SecureIngestUrl, string? SecureServerUrl)
{
    public static StreamKeyDto Create(string streamKey, IngestUrls urls, HttpRequest request) => new(
        streamKey, urls.Full(request, streamKey), urls.Server(request), urls.SecureFull(request, streamKey), urls.SecureServer(request));
}
