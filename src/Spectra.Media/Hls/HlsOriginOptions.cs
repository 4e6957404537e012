using System.ComponentModel.DataAnnotations;

namespace Spectra.Media.Hls;

/// <summary>Origin settings, bound from configuration section "Hls".</summary>
/// <remarks>Valid ranges are the <see cref="RangeAttribute"/>s on the properties, checked at start-up.</remarks>
public sealed class HlsOriginOptions
{
    public const string SectionName = "Hls";

    /// <summary>Access-Control-Allow-Origin of every origin response. Default "*": players on any site may read.</summary>
    public string AllowedOrigin { get; set; } = "*";

    /// <summary>
    /// How long an ended stream stays served (playlists with EXT-X-ENDLIST, its last segments) so players
    /// behind the live edge can play to the end; then the channel's HLS URLs answer 404. Default 30 s.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:10:00")]
    public TimeSpan EndedStreamLinger { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// Blocking playlist reloads (_HLS_msn) and hinted-part requests held at once, all streams together;
    /// beyond it the origin answers 503 with Retry-After. Each holds a connection and a few hundred bytes.
    /// Default 10000.
    /// </summary>
    [Range(0, 1_000_000)]
    public int MaxBlockedPlaylistRequests { get; set; } = 10_000;
}
