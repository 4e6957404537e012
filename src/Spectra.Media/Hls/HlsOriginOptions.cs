namespace Spectra.Media.Hls;

/// <summary>Origin settings, bound from configuration section "Hls".</summary>
public sealed class HlsOriginOptions
{
    public const string SectionName = "Hls";

    /// <summary>Access-Control-Allow-Origin of every origin response. Default "*": players on any site may read.</summary>
    public string AllowedOrigin { get; set; } = "*";

    /// <summary>
    /// How long an ended stream stays served (playlists with EXT-X-ENDLIST, its last segments) so players
    /// behind the live edge can play to the end; then the channel's HLS URLs answer 404. 0–10 min, default 30 s.
    /// </summary>
    public TimeSpan EndedStreamLinger { get; set; } = TimeSpan.FromSeconds(30);
}
