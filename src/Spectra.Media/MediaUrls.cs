namespace Spectra.Media;

/// <summary>
/// The public URL layout of live media, in one place: the HLS origin under <see cref="HlsPrefix"/>
/// (a channel's master playlist and thumbnail; rendition playlists, segments and parts below them are
/// the origin's own) and FLV playback at <see cref="FlvRoute"/>. Channel names are escaped.
/// </summary>
public static class MediaUrls
{
    /// <summary>Path prefix the HLS origin is mapped under.</summary>
    public const string HlsPrefix = "/hls";

    /// <summary>Route of HTTP-FLV and WebSocket-FLV playback (same path for both).</summary>
    public const string FlvRoute = "/live/{channel}.flv";

    public static string MasterPlaylist(string channel) => $"{HlsPrefix}/{Uri.EscapeDataString(channel)}/master.m3u8";

    /// <summary>The latest still of the channel; append <c>?t=</c> with a changing value to refresh it.</summary>
    public static string Thumbnail(string channel) => $"{HlsPrefix}/{Uri.EscapeDataString(channel)}/thumbnail.jpg";

    public static string Flv(string channel) => $"/live/{Uri.EscapeDataString(channel)}.flv";
}
