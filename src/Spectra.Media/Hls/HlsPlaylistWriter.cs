using System.Globalization;
using System.Text;
using Spectra.Media.Packaging;

namespace Spectra.Media.Hls;

/// <summary>
/// Writes HLS playlists (RFC 8216, and the LL-HLS tags of RFC 8216bis). URIs are relative, named by
/// <see cref="MediaUrls"/>: the master names "{rendition}/index.m3u8", a media playlist names
/// "init-{key}.mp4", "{sequence}.m4s" and parts "{sequence}.{part}.m4s" next to itself, and other
/// renditions' playlists as "../{rendition}/index.m3u8".
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

    /// <summary>One EXT-X-STREAM-INF line (§4.3.4.2) with its newline; RESOLUTION, FRAME-RATE and CODECS only when known.</summary>
    internal static StringBuilder AppendStreamInf(StringBuilder builder, int bandwidth, int averageBandwidth, int width, int height, double frameRate, string? codecs, string name)
    {
        builder.Append("#EXT-X-STREAM-INF:BANDWIDTH=").Append(bandwidth.ToString(CultureInfo.InvariantCulture));
        builder.Append(",AVERAGE-BANDWIDTH=").Append(averageBandwidth.ToString(CultureInfo.InvariantCulture));
        if (width > 0 && height > 0)
        {
            builder.Append(",RESOLUTION=").Append(width.ToString(CultureInfo.InvariantCulture))
                .Append('x').Append(height.ToString(CultureInfo.InvariantCulture));
        }

        if (frameRate > 0)
        {
            builder.Append(",FRAME-RATE=").Append(frameRate.ToString("0.000", CultureInfo.InvariantCulture));
        }

        if (codecs is not null)
        {
            builder.Append(",CODECS=\"").Append(codecs).Append('"');
        }

        return builder.Append(",NAME=\"").Append(name).Append("\"\n");
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
            AppendStreamInf(builder, info.BandwidthBitsPerSecond, info.AverageBandwidthBitsPerSecond, info.Width, info.Height, info.FrameRate, rendition.Codecs, info.Name);
            MediaUrls.AppendRenditionPlaylist(builder, info.Name).Append('\n');
        }

        return builder.ToString();
    }

    /// <summary>EXT-X-VERSION of a Playlist Delta Update: EXT-X-SKIP needs 9 (RFC 8216bis §8).</summary>
    public const int DeltaVersion = 9;

    /// <summary>
    /// A live media playlist (§4.3.3, §4.3.2): one entry per segment of <paramref name="snapshot"/>,
    /// EXT-X-DISCONTINUITY and a new EXT-X-MAP where the generation changes, and
    /// EXT-X-PROGRAM-DATE-TIME on every segment; EXT-X-ENDLIST (§4.3.3.4) once the stream has ended.
    /// Plain RFC 8216, without LL-HLS tags.
    /// </summary>
    public static string WriteMediaPlaylist(LiveWindowSnapshot snapshot) =>
        WriteMediaPlaylist(snapshot, TimeSpan.Zero, [], skip: false);

    /// <summary>
    /// A live media playlist with the LL-HLS tags of RFC 8216bis when <paramref name="partTarget"/> is
    /// positive: EXT-X-SERVER-CONTROL, EXT-X-PART-INF, EXT-X-PART for the parts of the segments in the last
    /// three target durations and of the open segment, EXT-X-PRELOAD-HINT for the next part and one
    /// EXT-X-RENDITION-REPORT per entry of <paramref name="reports"/>. Players without LL-HLS ignore these
    /// tags (§6.3.1: unknown tags are ignored) and see the same segments as in the plain playlist.
    /// </summary>
    /// <param name="partTarget">Configured part target; PART-TARGET is the larger of it and the longest part seen.</param>
    /// <param name="reports">The other renditions of the stream.</param>
    /// <param name="skip">
    /// A Playlist Delta Update (§6.2.5.1, _HLS_skip=YES): the segments older than the Skip Boundary
    /// (CAN-SKIP-UNTIL) are replaced by EXT-X-SKIP (§4.4.5.2).
    /// </param>
    public static string WriteMediaPlaylist(LiveWindowSnapshot snapshot, TimeSpan partTarget, ReadOnlySpan<HlsRenditionReport> reports, bool skip)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        var segments = snapshot.SegmentArray;
        var lowLatency = partTarget > TimeSpan.Zero;
        var target = TargetDurationSeconds(snapshot);
        var skipped = lowLatency && skip ? SkippedSegmentCount(snapshot) : 0;
        var builder = new StringBuilder(512 + (segments.Length * 110) + (lowLatency ? segments.Length * 200 : 0));
        builder.Append("#EXTM3U\n");
        builder.Append("#EXT-X-VERSION:").Append((skipped > 0 ? DeltaVersion : Version).ToString(CultureInfo.InvariantCulture)).Append('\n');
        builder.Append("#EXT-X-TARGETDURATION:").Append(target.ToString(CultureInfo.InvariantCulture)).Append('\n');
        var partTargetSeconds = 0.0;
        if (lowLatency)
        {
            partTargetSeconds = PartTargetSeconds(snapshot, partTarget);

            // §4.4.3.8: CAN-SKIP-UNTIL at least six target durations; PART-HOLD-BACK at least twice the
            // part target, three times recommended (and what hls.js starts behind the edge by).
            builder.Append("#EXT-X-SERVER-CONTROL:CAN-BLOCK-RELOAD=YES,CAN-SKIP-UNTIL=")
                .Append(SkipBoundarySeconds(target).ToString("0.0", CultureInfo.InvariantCulture))
                .Append(",PART-HOLD-BACK=").Append(Seconds(3 * partTargetSeconds)).Append('\n');
            builder.Append("#EXT-X-PART-INF:PART-TARGET=").Append(Seconds(partTargetSeconds)).Append('\n');   // §4.4.3.7
        }

        builder.Append("#EXT-X-MEDIA-SEQUENCE:").Append(snapshot.MediaSequence.ToString(CultureInfo.InvariantCulture)).Append('\n');
        builder.Append("#EXT-X-DISCONTINUITY-SEQUENCE:").Append(snapshot.DiscontinuitySequence.ToString(CultureInfo.InvariantCulture)).Append('\n');
        builder.Append("#EXT-X-INDEPENDENT-SEGMENTS\n");
        if (skipped > 0)
        {
            builder.Append("#EXT-X-SKIP:SKIPPED-SEGMENTS=").Append(skipped.ToString(CultureInfo.InvariantCulture)).Append('\n');   // §4.4.5.2
        }

        // Parts are listed for the segments that end within three target durations of the live edge
        // (§4.4.4.9: older parts may be removed); their segments keep serving.
        var firstWithParts = segments.Length;
        if (lowLatency)
        {
            var after = 0.0;
            while (firstWithParts > 0 && after < 3 * target)
            {
                firstWithParts--;
                after += segments[firstWithParts].Duration.TotalSeconds;
            }
        }

        CmafInitSegment? currentInit = null;
        for (var i = skipped; i < segments.Length; i++)
        {
            var segment = segments[i];
            if (!ReferenceEquals(segment.Init, currentInit))
            {
                if (segment.IsDiscontinuity)
                {
                    builder.Append("#EXT-X-DISCONTINUITY\n");
                }

                currentInit = segment.Init;
                AppendMap(builder, currentInit);
            }

            if (i >= firstWithParts)
            {
                foreach (var part in segment.PartArray)
                {
                    AppendPart(builder, part);
                }
            }

            builder.Append("#EXT-X-PROGRAM-DATE-TIME:")
                .Append(segment.ProgramDateTime.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture)).Append('\n');
            builder.Append("#EXTINF:").Append(Seconds(segment.Duration.TotalSeconds)).Append(",\n");
            MediaUrls.AppendSegment(builder, segment.Sequence).Append('\n');
        }

        if (lowLatency && !snapshot.Ended)
        {
            var openParts = snapshot.OpenPartArray;
            var init = snapshot.CurrentInit;
            if (openParts.Length > 0 && init is not null && !ReferenceEquals(init, currentInit))
            {
                // The open segment starts a new generation (§4.4.4.9: a part inherits its parent's tags).
                if (currentInit is not null)
                {
                    builder.Append("#EXT-X-DISCONTINUITY\n");
                }

                AppendMap(builder, init);
            }

            foreach (var part in openParts)
            {
                AppendPart(builder, part);
            }

            if (segments.Length > 0 || openParts.Length > 0)
            {
                // §4.4.5.3: the part that will be published next, so a client can request it ahead.
                builder.Append("#EXT-X-PRELOAD-HINT:TYPE=PART,URI=\"");
                MediaUrls.AppendPart(builder, snapshot.NextSequence, openParts.Length).Append("\"\n");
            }

            foreach (var report in reports)
            {
                // §4.4.5.4: LAST-MSN/LAST-PART name the rendition's last part (in the open segment if any).
                if (report.Snapshot.LatestPart is not { } last)
                {
                    continue;
                }

                builder.Append("#EXT-X-RENDITION-REPORT:URI=\"");
                MediaUrls.AppendSiblingPlaylist(builder, report.Name).Append("\",LAST-MSN=")
                    .Append(last.Sequence.ToString(CultureInfo.InvariantCulture))
                    .Append(",LAST-PART=").Append(last.Index.ToString(CultureInfo.InvariantCulture)).Append('\n');
            }
        }

        if (snapshot.Ended)
        {
            builder.Append("#EXT-X-ENDLIST\n");
        }

        return builder.ToString();
    }

    /// <summary>
    /// CAN-SKIP-UNTIL (§4.4.3.8): six target durations, the least the specification allows, so a delta
    /// update leaves out as much as possible.
    /// </summary>
    public static double SkipBoundarySeconds(int targetDurationSeconds) => 6.0 * targetDurationSeconds;

    /// <summary>
    /// Segments a Playlist Delta Update skips (§6.2.5.1): the leading segments that start more than the
    /// Skip Boundary before the end of the playlist.
    /// </summary>
    public static int SkippedSegmentCount(LiveWindowSnapshot snapshot)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        var segments = snapshot.SegmentArray;
        var boundary = SkipBoundarySeconds(TargetDurationSeconds(snapshot));
        var fromEnd = 0.0;
        var index = segments.Length;
        while (index > 0 && fromEnd + segments[index - 1].Duration.TotalSeconds <= boundary)
        {
            index--;
            fromEnd += segments[index].Duration.TotalSeconds;
        }

        // segments[index - 1] starts more than the boundary before the end, and so do all before it.
        return Math.Max(0, index);
    }

    /// <summary>
    /// PART-TARGET (§4.4.3.7) in seconds, three decimals rounded up: the configured part target, or the
    /// longest part seen when ffmpeg made one longer (a frame boundary past the target), so every
    /// EXT-X-PART DURATION is at most PART-TARGET.
    /// </summary>
    public static double PartTargetSeconds(LiveWindowSnapshot snapshot, TimeSpan configured)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        var longest = Math.Round(snapshot.MaxPartDuration.TotalSeconds, 3, MidpointRounding.AwayFromZero);
        return Math.Ceiling(Math.Max(configured.TotalSeconds, longest) * 1000 - 1e-6) / 1000;
    }

    private static void AppendMap(StringBuilder builder, CmafInitSegment init) =>
        MediaUrls.AppendInit(builder.Append("#EXT-X-MAP:URI=\""), init.Key).Append("\"\n");

    /// <summary>EXT-X-PART (§4.4.4.9): "{sequence}.{index}.m4s", DURATION, INDEPENDENT=YES on a sync sample.</summary>
    private static void AppendPart(StringBuilder builder, CmafPart part)
    {
        builder.Append("#EXT-X-PART:DURATION=").Append(Seconds(part.Duration.TotalSeconds)).Append(",URI=\"");
        MediaUrls.AppendPart(builder, part.Sequence, part.Index).Append('"');
        if (part.IsIndependent)
        {
            builder.Append(",INDEPENDENT=YES");
        }

        builder.Append('\n');
    }

    private static string Seconds(double seconds) =>
        Math.Round(seconds, 3, MidpointRounding.AwayFromZero).ToString("0.000", CultureInfo.InvariantCulture);

    internal static byte[] WriteMasterPlaylistUtf8(HlsStream stream) => Encoding.UTF8.GetBytes(WriteMasterPlaylist(stream));

    internal static byte[] WriteMediaPlaylistUtf8(LiveWindowSnapshot snapshot, TimeSpan partTarget, ReadOnlySpan<HlsRenditionReport> reports, bool skip) =>
        Encoding.UTF8.GetBytes(WriteMediaPlaylist(snapshot, partTarget, reports, skip));
}
