using Spectra.Media.Packaging;

namespace Spectra.Media.Hls;

/// <summary>Another rendition of the same stream, for EXT-X-RENDITION-REPORT (RFC 8216bis §4.4.5.4).</summary>
/// <param name="Name">Rendition name; the report's URI is "../{Name}/index.m3u8".</param>
/// <param name="Snapshot">That rendition's window as it is now.</param>
internal readonly record struct HlsRenditionReport(string Name, LiveWindowSnapshot Snapshot);
