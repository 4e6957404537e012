using System.Globalization;
using System.Text;

namespace Spectra.Media.Recording;

/// <summary>
/// HLS playlists of a recording (RFC 8216): a master playlist and one VOD media playlist per rendition
/// (§4.3.3.5 EXT-X-PLAYLIST-TYPE:VOD, §4.3.3.4 EXT-X-ENDLIST), each segment's init named with EXT-X-MAP,
/// discontinuities marked, program date-time at the start and after each discontinuity. URIs are relative:
/// <c>{rendition}/index.m3u8</c> from the master, <c>init-{key}.mp4</c> and <c>{sequence}.m4s</c> from a
/// media playlist.
/// </summary>
public static class VodPlaylistWriter
{
    /// <summary>EXT-X-MAP in a media playlist without I-frames needs version 6 (§7).</summary>
    private const int Version = 6;

    public static string WriteMaster(RecordedVideo video)
    {
        ArgumentNullException.ThrowIfNull(video);
        var builder = new StringBuilder(128 + (video.Renditions.Count * 160));
        builder.Append("#EXTM3U\n#EXT-X-VERSION:").Append(Version.ToString(CultureInfo.InvariantCulture)).Append('\n');
        builder.Append("#EXT-X-INDEPENDENT-SEGMENTS\n");
        foreach (var rendition in video.Renditions)
        {
            if (rendition.Segments.Count == 0)
            {
                continue;
            }

            // Measured from the stored segments (the live playlists could only estimate): §4.3.4.2 asks for the peak
            // segment bit rate, and the average over the whole rendition.
            Hls.HlsPlaylistWriter.AppendStreamInf(builder, rendition.MeasuredBandwidth, rendition.MeasuredAverageBandwidth, rendition.Width,
                rendition.Height, rendition.FrameRate, rendition.Codecs, rendition.Name);
            builder.Append(rendition.Name).Append("/index.m3u8\n");
        }

        return builder.ToString();
    }

    public static string WriteMedia(RecordedRendition rendition)
    {
        ArgumentNullException.ThrowIfNull(rendition);
        var segments = rendition.Segments;
        var target = 1;
        foreach (var segment in segments)
        {
            // Round as written in EXTINF (3 decimals), then to an integer, as a client does (§4.3.3.1).
            var written = Math.Round(segment.DurationSeconds, 3, MidpointRounding.AwayFromZero);
            target = Math.Max(target, (int)Math.Round(written, MidpointRounding.AwayFromZero));
        }

        var builder = new StringBuilder(256 + (segments.Count * 48));
        builder.Append("#EXTM3U\n#EXT-X-VERSION:").Append(Version.ToString(CultureInfo.InvariantCulture)).Append('\n');
        builder.Append("#EXT-X-TARGETDURATION:").Append(target.ToString(CultureInfo.InvariantCulture)).Append('\n');
        builder.Append("#EXT-X-PLAYLIST-TYPE:VOD\n#EXT-X-MEDIA-SEQUENCE:0\n#EXT-X-INDEPENDENT-SEGMENTS\n");
        string? init = null;
        for (var i = 0; i < segments.Count; i++)
        {
            var segment = segments[i];
            if (i > 0 && segment.Discontinuity)
            {
                builder.Append("#EXT-X-DISCONTINUITY\n");
            }

            if (!string.Equals(init, segment.InitKey, StringComparison.Ordinal))
            {
                init = segment.InitKey;
                builder.Append("#EXT-X-MAP:URI=\"init-").Append(init).Append(".mp4\"\n");
            }

            if (i == 0 || segment.Discontinuity)
            {
                builder.Append("#EXT-X-PROGRAM-DATE-TIME:")
                    .Append(DateTimeOffset.FromUnixTimeMilliseconds(segment.ProgramDateTimeMs).ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture))
                    .Append('\n');
            }

            builder.Append("#EXTINF:").Append(segment.DurationSeconds.ToString("0.000", CultureInfo.InvariantCulture)).Append(",\n");
            builder.Append(segment.Sequence.ToString(CultureInfo.InvariantCulture)).Append(".m4s\n");
        }

        builder.Append("#EXT-X-ENDLIST\n");
        return builder.ToString();
    }
}
