using System.Globalization;
using System.Text;
using Spectra.Media.Packaging;

namespace Spectra.Media.Hls;

/// <summary>
/// Writes HLS playlists (RFC 8216). URIs are relative: the master names "{rendition}/index.m3u8",
/// a media playlist names "init-{key}.mp4" and "{sequence}.m4s" next to itself.
/// </summary>
internal static class HlsPlaylistWriter
{
    /// <summary>
    /// EXT-X-VERSION of media playlists: 7 covers EXT-X-MAP without I-frames-only (§4.3.2.5 needs 6)
    /// and fMP4 segments (§3.3).
    /// </summary>
    public const int Version = 7;

    /// <summary>
    /// EXT-X-TARGETDURATION (§4.3.3.1): the smallest integer that every segment's EXTINF, rounded to
    /// the nearest integer, does not exceed — the longest segment ever added to the window, rounded
    /// half up, at least 1. Rounding rather than ceiling is what §4.3.3.1 requires and keeps a 1.02 s
    /// start-up segment from doubling the target (and playlist cache age) of a 1 s stream for its whole
    /// life. Taken over the window's lifetime so the value never decreases while the playlist lives.
    /// </summary>
    public static int TargetDurationSeconds(LiveWindowSnapshot snapshot)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        // Round the value as written in EXTINF (3 decimals), then to an integer, as a client would.
        var written = Math.Round(snapshot.MaxSegmentDuration.TotalSeconds, 3, MidpointRounding.AwayFromZero);
        var seconds = (int)Math.Round(written, MidpointRounding.AwayFromZero);
        return Math.Max(1, seconds);
    }

    /// <summary>The master playlist (§4.3.4.2): one EXT-X-STREAM-INF per rendition, in order.</summary>
    public static string WriteMasterPlaylist(HlsStream stream)
    {
        ArgumentNullException.ThrowIfNull(stream);
        var builder = new StringBuilder(256 + (stream.Renditions.Count * 160));
        builder.Append("#EXTM3U\n");
        builder.Append("#EXT-X-VERSION:").Append(Version.ToString(CultureInfo.InvariantCulture)).Append('\n');
        builder.Append("#EXT-X-INDEPENDENT-SEGMENTS\n");
        foreach (var rendition in stream.Renditions)
        {
            var info = rendition.Info;
            builder.Append("#EXT-X-STREAM-INF:BANDWIDTH=").Append(info.BandwidthBitsPerSecond.ToString(CultureInfo.InvariantCulture));
            builder.Append(",AVERAGE-BANDWIDTH=").Append(info.AverageBandwidthBitsPerSecond.ToString(CultureInfo.InvariantCulture));
            if (info.Width > 0 && info.Height > 0)
            {
                builder.Append(",RESOLUTION=").Append(info.Width.ToString(CultureInfo.InvariantCulture))
                    .Append('x').Append(info.Height.ToString(CultureInfo.InvariantCulture));
            }

            if (info.FrameRate > 0)
            {
                builder.Append(",FRAME-RATE=").Append(info.FrameRate.ToString("0.000", CultureInfo.InvariantCulture));
            }

            var codecs = rendition.Codecs;
            if (codecs is not null)
            {
                builder.Append(",CODECS=\"").Append(codecs).Append('"');
            }

            builder.Append(",NAME=\"").Append(info.Name).Append("\"\n");
            builder.Append(info.Name).Append("/index.m3u8\n");
        }

        return builder.ToString();
    }

    /// <summary>
    /// A live media playlist (§4.3.3, §4.3.2): one entry per segment of <paramref name="snapshot"/>,
    /// EXT-X-DISCONTINUITY and a new EXT-X-MAP where the generation changes, and
    /// EXT-X-PROGRAM-DATE-TIME on every segment; EXT-X-ENDLIST (§4.3.3.4) once the stream has ended.
    /// </summary>
    public static string WriteMediaPlaylist(LiveWindowSnapshot snapshot)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        var segments = snapshot.Segments;
        var builder = new StringBuilder(256 + (segments.Count * 110));
        builder.Append("#EXTM3U\n");
        builder.Append("#EXT-X-VERSION:").Append(Version.ToString(CultureInfo.InvariantCulture)).Append('\n');
        builder.Append("#EXT-X-TARGETDURATION:").Append(TargetDurationSeconds(snapshot).ToString(CultureInfo.InvariantCulture)).Append('\n');
        builder.Append("#EXT-X-MEDIA-SEQUENCE:").Append(snapshot.MediaSequence.ToString(CultureInfo.InvariantCulture)).Append('\n');
        builder.Append("#EXT-X-DISCONTINUITY-SEQUENCE:").Append(snapshot.DiscontinuitySequence.ToString(CultureInfo.InvariantCulture)).Append('\n');
        builder.Append("#EXT-X-INDEPENDENT-SEGMENTS\n");
        CmafInitSegment? currentInit = null;
        for (var i = 0; i < segments.Count; i++)
        {
            var segment = segments[i];
            if (!ReferenceEquals(segment.Init, currentInit))
            {
                if (segment.IsDiscontinuity)
                {
                    builder.Append("#EXT-X-DISCONTINUITY\n");
                }

                currentInit = segment.Init;
                builder.Append("#EXT-X-MAP:URI=\"init-").Append(currentInit.Key).Append(".mp4\"\n");
            }

            builder.Append("#EXT-X-PROGRAM-DATE-TIME:")
                .Append(segment.ProgramDateTime.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture)).Append('\n');
            builder.Append("#EXTINF:").Append(Math.Round(segment.Duration.TotalSeconds, 3, MidpointRounding.AwayFromZero).ToString("0.000", CultureInfo.InvariantCulture)).Append(",\n");
            builder.Append(segment.Sequence.ToString(CultureInfo.InvariantCulture)).Append(".m4s\n");
        }

        if (snapshot.Ended)
        {
            builder.Append("#EXT-X-ENDLIST\n");
        }

        return builder.ToString();
    }

    internal static byte[] WriteMasterPlaylistUtf8(HlsStream stream) => Encoding.UTF8.GetBytes(WriteMasterPlaylist(stream));

    internal static byte[] WriteMediaPlaylistUtf8(LiveWindowSnapshot snapshot) => Encoding.UTF8.GetBytes(WriteMediaPlaylist(snapshot));
}
