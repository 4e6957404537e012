using System.Globalization;
using System.Text;

namespace Spectra.Media;

/// <summary>
/// The public URL layout of live media, in one place. Every path and file name below is spelled here
/// only; the origin's routes, the playlists' relative URIs and the pages' links are all built from it.
/// <code>
/// /hls/{channel}/master.m3u8                  master playlist           MasterPlaylist(channel)
/// /hls/{channel}/thumbnail.jpg                latest still              Thumbnail(channel)
/// /hls/{channel}/{rendition}/index.m3u8       media playlist            (master: "{rendition}/index.m3u8")
/// /hls/{channel}/{rendition}/init-{key}.mp4   init segment of one generation (immutable)
/// /hls/{channel}/{rendition}/init.mp4         init segment of the current generation
/// /hls/{channel}/{rendition}/{sequence}.m4s   media segment (immutable)
/// /hls/{channel}/{rendition}/{sequence}.{part}.m4s   LL-HLS part (immutable)
/// /live/{channel}.flv                         HTTP-FLV and WebSocket-FLV  Flv(channel)
/// /dash/{channel}/manifest.mpd                MPEG-DASH MPD             DashManifest(channel)
/// /dash/time                                  server clock for the MPD's UTCTiming
/// /dash/{channel}/{rendition}/init-{key}.mp4  the HLS init segment, same bytes (immutable)
/// /dash/{channel}/{rendition}/{base}/{number}.m4s   HLS segment base + number, same bytes (immutable)
/// </code>
/// DASH segment numbers are the HLS media sequence numbers less a base, a multiple of 10⁹ fixed per
/// generation (<see cref="DashNumberBase"/>): HLS numbers start at the Unix time in ms, beyond the 32 bits
/// of the MPD's startNumber (xs:unsignedInt) and of some players' $Number$; the number keeps the last nine
/// digits of the HLS one.
/// Playlists name their neighbours relatively: the master names "{rendition}/index.m3u8", a media
/// playlist names its init segments, segments and parts next to itself and other renditions'
/// playlists as "../{rendition}/index.m3u8". Channel names are escaped in absolute URLs; rendition
/// names and keys are URL-safe by construction.
/// </summary>
public static class MediaUrls
{
    /// <summary>Path prefix the HLS origin is mapped under.</summary>
    public const string HlsPrefix = "/hls";

    /// <summary>Path prefix of FLV playback (shared with other live endpoints such as <c>/live/events</c>).</summary>
    public const string FlvPrefix = "/live";

    /// <summary>Route of HTTP-FLV and WebSocket-FLV playback (same path for both).</summary>
    public const string FlvRoute = FlvPrefix + "/{channel}" + FlvExtension;

    /// <summary>File name of a channel's master playlist.</summary>
    public const string MasterPlaylistFile = "master.m3u8";

    /// <summary>File name of a channel's latest still.</summary>
    public const string ThumbnailFile = "thumbnail.jpg";

    /// <summary>File name of a rendition's media playlist.</summary>
    public const string MediaPlaylistFile = "index.m3u8";

    /// <summary>File name of the init segment of a rendition's current generation (may change, cached like a playlist).</summary>
    public const string CurrentInitFile = "init.mp4";

    /// <summary>Origin route below <see cref="HlsPrefix"/>: master playlist.</summary>
    internal const string MasterPlaylistRoute = "{channel}/" + MasterPlaylistFile;

    /// <summary>Origin route below <see cref="HlsPrefix"/>: thumbnail.</summary>
    internal const string ThumbnailRoute = "{channel}/" + ThumbnailFile;

    /// <summary>Origin route below <see cref="HlsPrefix"/>: media playlist.</summary>
    internal const string MediaPlaylistRoute = "{channel}/{rendition}/" + MediaPlaylistFile;

    /// <summary>Origin route below <see cref="HlsPrefix"/>: init segments, segments and parts.</summary>
    internal const string RenditionFileRoute = "{channel}/{rendition}/{file}";

    /// <summary>Extension of segment and part files ("{sequence}.m4s", "{sequence}.{part}.m4s").</summary>
    internal const string SegmentExtension = ".m4s";

    /// <summary>Start of an init segment's file name ("init-{key}.mp4").</summary>
    internal const string InitFilePrefix = "init-";

    /// <summary>Extension of init segment files.</summary>
    internal const string InitFileExtension = ".mp4";

    private const string FlvExtension = ".flv";

    /// <summary>Path prefix of MPEG-DASH manifests.</summary>
    public const string DashPrefix = "/dash";

    /// <summary>File name of a channel's MPD.</summary>
    public const string DashManifestFile = "manifest.mpd";

    /// <summary>Origin route below <see cref="DashPrefix"/>: the MPD.</summary>
    internal const string DashManifestRoute = "{channel}/" + DashManifestFile;

    /// <summary>Origin route below <see cref="DashPrefix"/>: the clock (UTCTiming, ISO 23009-1 §5.8.5.7).</summary>
    internal const string DashTimeRoute = "time";

    public static string DashManifest(string channel) => $"{DashPrefix}/{Uri.EscapeDataString(channel)}/{DashManifestFile}";

    /// <summary>The clock endpoint's path.</summary>
    public static string DashTime => DashPrefix + "/" + DashTimeRoute;

    /// <summary>Origin route below <see cref="DashPrefix"/>: init segments.</summary>
    internal const string DashInitRoute = "{channel}/{rendition}/{file}";

    /// <summary>Origin route below <see cref="DashPrefix"/>: segments, "{base}/{number}.m4s".</summary>
    internal const string DashSegmentRoute = "{channel}/{rendition}/{base}/{file}";

    /// <summary>What DASH segment numbers of a generation whose first HLS sequence is <paramref name="firstSequence"/> are counted from.</summary>
    internal static long DashNumberBase(long firstSequence) => firstSequence - (firstSequence % 1_000_000_000);

    /// <summary>In the MPD (relative to /dash/{channel}/): "{rendition}/".</summary>
    internal static StringBuilder AppendDashRenditionFolder(StringBuilder builder, string rendition) =>
        builder.Append(rendition).Append('/');

    public static string MasterPlaylist(string channel) => $"{HlsPrefix}/{Uri.EscapeDataString(channel)}/{MasterPlaylistFile}";

    /// <summary>The latest still of the channel; append <c>?t=</c> with a changing value to refresh it.</summary>
    public static string Thumbnail(string channel) => $"{HlsPrefix}/{Uri.EscapeDataString(channel)}/{ThumbnailFile}";

    public static string Flv(string channel) => $"{FlvPrefix}/{Uri.EscapeDataString(channel)}{FlvExtension}";

    /// <summary>In the master playlist: "{rendition}/index.m3u8".</summary>
    internal static StringBuilder AppendRenditionPlaylist(StringBuilder builder, string rendition) =>
        builder.Append(rendition).Append('/').Append(MediaPlaylistFile);

    /// <summary>In a media playlist: another rendition's playlist, "../{rendition}/index.m3u8".</summary>
    internal static StringBuilder AppendSiblingPlaylist(StringBuilder builder, string rendition) =>
        builder.Append("../").Append(rendition).Append('/').Append(MediaPlaylistFile);

    /// <summary>In a media playlist: "init-{key}.mp4".</summary>
    internal static StringBuilder AppendInit(StringBuilder builder, string key) =>
        builder.Append(InitFilePrefix).Append(key).Append(InitFileExtension);

    /// <summary>In a media playlist: "{sequence}.m4s".</summary>
    internal static StringBuilder AppendSegment(StringBuilder builder, long sequence) =>
        builder.Append(sequence.ToString(CultureInfo.InvariantCulture)).Append(SegmentExtension);

    /// <summary>In a media playlist: "{sequence}.{part}.m4s".</summary>
    internal static StringBuilder AppendPart(StringBuilder builder, long sequence, int part) =>
        builder.Append(sequence.ToString(CultureInfo.InvariantCulture)).Append('.')
            .Append(part.ToString(CultureInfo.InvariantCulture)).Append(SegmentExtension);
}
