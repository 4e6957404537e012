using System.Globalization;
using System.Text;
using Spectra.Media.Packaging;

namespace Spectra.Media.Dash;

/// <summary>One rendition as the MPD describes it: its ladder entry and the window it is served from.</summary>
internal readonly record struct DashRenditionView(RenditionInfo Info, LiveWindowSnapshot Snapshot);

/// <summary>
/// Writes the dynamic MPD of a live stream (ISO/IEC 23009-1, isoff-live profile) over the same CMAF init
/// segments and segments the HLS origin serves: no second packaging; the SegmentTemplate names DASH URLs
/// (<see cref="MediaUrls"/>) that serve the HLS bytes from the same live window.
/// <list type="bullet">
/// <item>One AdaptationSet per media type: renditions with video in one (their segments also carry the
/// audio track, as in HLS: multiplexed CMAF), audio-only renditions in another.</item>
/// <item>Every rendition a Representation with its own SegmentTemplate: <c>$Number$</c> is the HLS media
/// sequence number less <see cref="MediaUrls.DashNumberBase"/> (named in the media URL), a SegmentTimeline with S@t (the
/// segment's tfdt) and S@d, repeated with S@r while durations are equal and contiguous.</item>
/// <item>A new Period where a generation starts (the transcoder restarted: new init segment, decode time
/// restarts), with its own presentationTimeOffset; Period ids are the start in ms, stable across updates.</item>
/// <item>Low-latency DASH when parts exist: availabilityTimeOffset lets a player request a segment as soon as
/// its first part is out (the origin then sends it chunked, part by part), ServiceDescription latency targets.</item>
/// </list>
/// </summary>
internal static class DashManifestWriter
{
    public const string Namespace = "urn:mpeg:dash:schema:mpd:2011";
    public const string LiveProfile = "urn:mpeg:dash:profile:isoff-live:2011";
    public const string HttpIsoTimingScheme = "urn:mpeg:dash:utc:http-iso:2014";

    /// <summary>Boundaries of different renditions closer than this are one Period (one transcoder restart).</summary>
    private static readonly TimeSpan BoundaryMerge = TimeSpan.FromSeconds(1);

    /// <param name="timeline">The stream's time line (availabilityStartTime and generation anchors).</param>
    /// <param name="renditions">In ladder order; at least one with an init segment and a segment.</param>
    /// <param name="partTarget">LL part target (<see cref="PackagerOptions.PartTargetDuration"/>); zero disables low latency.</param>
    /// <param name="timeUrl">Absolute URL of the clock endpoint (UTCTiming).</param>
    /// <param name="publishTime">When this version of the MPD is generated.</param>
    public static string Write(DashTimeline timeline, IReadOnlyList<DashRenditionView> renditions, TimeSpan partTarget, string timeUrl, DateTimeOffset publishTime)
    {
        ArgumentNullException.ThrowIfNull(timeline);
        ArgumentNullException.ThrowIfNull(renditions);
        ArgumentNullException.ThrowIfNull(timeUrl);

        var maxSegment = TimeSpan.Zero;
        var maxPart = TimeSpan.Zero;
        var window = TimeSpan.MaxValue;
        var end = TimeSpan.Zero;
        var ended = true;
        var hasParts = false;
        var segmentCount = 0;
        foreach (var (_, snapshot) in renditions)
        {
            var segments = snapshot.SegmentArray;
            segmentCount += segments.Length;
            maxSegment = snapshot.MaxSegmentDuration > maxSegment ? snapshot.MaxSegmentDuration : maxSegment;
            maxPart = snapshot.MaxPartDuration > maxPart ? snapshot.MaxPartDuration : maxPart;
            ended &= snapshot.Ended;
            hasParts |= segments.Length > 0 && segments[^1].PartArray.Length > 1;
            var held = TimeSpan.Zero;
            foreach (var segment in segments)
            {
                held += segment.Duration;
            }

            window = held < window ? held : window;
            if (segments.Length > 0)
            {
                var last = segments[^1];
                var lastEnd = timeline.PresentationTime(last) + last.Duration;
                end = lastEnd > end ? lastEnd : end;
            }
        }

        if (maxSegment <= TimeSpan.Zero)
        {
            maxSegment = TimeSpan.FromSeconds(1);
        }

        var lowLatency = hasParts && partTarget > TimeSpan.Zero && !ended;
        var periods = PeriodStarts(timeline, renditions);
        var builder = new StringBuilder(1024 + (segmentCount * 48) + (renditions.Count * 400));
        builder.Append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
        builder.Append("<MPD xmlns=\"").Append(Namespace).Append("\" profiles=\"").Append(LiveProfile).Append("\" type=\"dynamic\"");
        builder.Append(" availabilityStartTime=\"").Append(DateTime(timeline.AvailabilityStart)).Append('"');
        builder.Append(" publishTime=\"").Append(DateTime(publishTime)).Append('"');
        if (ended)
        {
            // §5.4: a dynamic MPD that will not be updated again ends the presentation.
            builder.Append(" mediaPresentationDuration=\"").Append(Duration(end)).Append('"');
        }
        else
        {
            builder.Append(" minimumUpdatePeriod=\"").Append(Duration(maxSegment)).Append('"');
        }

        builder.Append(" timeShiftBufferDepth=\"").Append(Duration(window == TimeSpan.MaxValue ? maxSegment : window)).Append('"');
        builder.Append(" maxSegmentDuration=\"").Append(Duration(maxSegment)).Append('"');
        builder.Append(" minBufferTime=\"").Append(Duration(maxSegment)).Append('"');
        // For players without low latency: two and a half segments behind the live edge, ≤ 3 s at 1 s segments
        // (the MPD lists complete segments only, so this leaves 1.5 segments of buffer). Low-latency players
        // follow the ServiceDescription instead.
        builder.Append(" suggestedPresentationDelay=\"").Append(Duration(maxSegment * 2.5)).Append("\">\n");
        var target = LowLatencyTarget(maxPart, partTarget);
        if (lowLatency)
        {
            // §K.4 (ISO/IEC 23009-1:2022): the latency a player should aim for, in ms, and how fast it may catch up.
            // A max of twice the target: dash.js seeks back to the target once drift passes max - target + 0.5 s,
            // rather than creeping back at 4 % over a minute after a stall.
            builder.Append("  <ServiceDescription id=\"0\">\n");
            builder.Append("    <Latency target=\"").Append(Milliseconds(target))
                .Append("\" min=\"").Append(Milliseconds(target / 2))
                .Append("\" max=\"").Append(Milliseconds(target * 2)).Append("\"/>\n");
            builder.Append("    <PlaybackRate min=\"0.96\" max=\"1.04\"/>\n");
            builder.Append("  </ServiceDescription>\n");
        }

        for (var p = 0; p < periods.Count; p++)
        {
            var start = periods[p];
            var next = p + 1 < periods.Count ? periods[p + 1] : TimeSpan.MaxValue;
            WritePeriod(builder, timeline, renditions, start, next, lowLatency ? maxSegment - (maxPart > TimeSpan.Zero ? maxPart : partTarget) : TimeSpan.Zero);
        }

        builder.Append("  <UTCTiming schemeIdUri=\"").Append(HttpIsoTimingScheme).Append("\" value=\"").Append(Escape(timeUrl)).Append("\"/>\n");
        builder.Append("</MPD>\n");
        return builder.ToString();
    }

    /// <summary>The latency a low-latency player aims for: three parts of headroom over one segment's wait, at least 1 s.</summary>
    public static TimeSpan LowLatencyTarget(TimeSpan maxPart, TimeSpan partTarget)
    {
        var part = maxPart > partTarget ? maxPart : partTarget;
        var target = 3 * part;
        return target < TimeSpan.FromSeconds(1) ? TimeSpan.FromSeconds(1) : target;
    }

    /// <summary>
    /// Period starts: 0, then where any rendition's generation begins (a segment marked discontinuous),
    /// boundaries within <see cref="BoundaryMerge"/> of each other merged into the earliest, in whole ms.
    /// </summary>
    internal static List<TimeSpan> PeriodStarts(DashTimeline timeline, IReadOnlyList<DashRenditionView> renditions)
    {
        var boundaries = new List<TimeSpan>();
        foreach (var (_, snapshot) in renditions)
        {
            foreach (var segment in snapshot.SegmentArray)
            {
                if (segment.IsDiscontinuity)
                {
                    var at = timeline.PresentationTime(segment);
                    boundaries.Add(TimeSpan.FromMilliseconds(Math.Floor(at.TotalMilliseconds)));
                }
            }
        }

        boundaries.Sort();
        var starts = new List<TimeSpan> { TimeSpan.Zero };
        foreach (var boundary in boundaries)
        {
            if (boundary - starts[^1] >= BoundaryMerge)
            {
                starts.Add(boundary);
            }
        }

        return starts;
    }

    private static void WritePeriod(StringBuilder builder, DashTimeline timeline, IReadOnlyList<DashRenditionView> renditions, TimeSpan start, TimeSpan next, TimeSpan availabilityTimeOffset)
    {
        // Per rendition: the segments starting in [start, next) of one generation (the latest).
        var ranges = new (int First, int Count)[renditions.Count];
        var any = false;
        for (var r = 0; r < renditions.Count; r++)
        {
            ranges[r] = SegmentsIn(timeline, renditions[r].Snapshot.SegmentArray, start, next);
            any |= ranges[r].Count > 0;
        }

        if (!any)
        {
            return;
        }

        var id = ((long)start.TotalMilliseconds).ToString(CultureInfo.InvariantCulture);
        builder.Append("  <Period id=\"p").Append(id).Append("\" start=\"").Append(Duration(start)).Append("\">\n");
        WriteAdaptationSet(builder, timeline, renditions, ranges, start, availabilityTimeOffset, video: true);
        WriteAdaptationSet(builder, timeline, renditions, ranges, start, availabilityTimeOffset, video: false);
        builder.Append("  </Period>\n");
    }

    private static (int First, int Count) SegmentsIn(DashTimeline timeline, CmafSegment[] segments, TimeSpan start, TimeSpan next)
    {
        var first = -1;
        var last = -1;
        for (var i = 0; i < segments.Length; i++)
        {
            var at = timeline.PresentationTime(segments[i]);
            if (at >= start - TimeSpan.FromMilliseconds(1) && at < next)
            {
                if (first < 0 || !ReferenceEquals(segments[i].Init, segments[first].Init))
                {
                    // A later generation inside the same Period replaces the earlier one (the timeline cannot jump back).
                    first = i;
                }

                last = i;
            }
        }

        return first < 0 ? (0, 0) : (first, last - first + 1);
    }

    private static void WriteAdaptationSet(
        StringBuilder builder,
        DashTimeline timeline,
        IReadOnlyList<DashRenditionView> renditions,
        (int First, int Count)[] ranges,
        TimeSpan periodStart,
        TimeSpan availabilityTimeOffset,
        bool video)
    {
        // maxFrameRate rather than Representation@frameRate: the segments are multiplexed (codecs "avc1…,mp4a…"),
        // and players that check a Representation with the Media Capabilities API (dash.js does when width,
        // height, bandwidth and frameRate are all present) get a refusal for two codecs in one video type.
        var maxFrameRate = 0.0;
        for (var r = 0; r < renditions.Count; r++)
        {
            if (ranges[r].Count > 0 && video && renditions[r].Snapshot.SegmentArray[ranges[r].First].Init.Movie.Video is not null)
            {
                maxFrameRate = Math.Max(maxFrameRate, renditions[r].Info.FrameRate);
            }
        }

        var opened = false;
        for (var r = 0; r < renditions.Count; r++)
        {
            var (info, snapshot) = renditions[r];
            var (first, count) = ranges[r];
            if (count == 0)
            {
                continue;
            }

            var segments = snapshot.SegmentArray;
            var init = segments[first].Init;
            var movie = init.Movie;
            if ((movie.Video is not null) != video)
            {
                continue;
            }

            if (!opened)
            {
                opened = true;
                builder.Append("    <AdaptationSet id=\"").Append(video ? '0' : '1').Append("\" contentType=\"").Append(video ? "video" : "audio")
                    .Append("\" mimeType=\"").Append(video ? "video/mp4" : "audio/mp4")
                    .Append("\" segmentAlignment=\"true\" startWithSAP=\"1\"");
                if (maxFrameRate > 0)
                {
                    builder.Append(" maxFrameRate=\"").Append(FrameRate(maxFrameRate)).Append('"');
                }

                builder.Append(">\n");
            }

            builder.Append("      <Representation id=\"").Append(info.Name).Append('"');
            if (init.Codecs is { } codecs)
            {
                builder.Append(" codecs=\"").Append(Escape(codecs)).Append('"');
            }

            builder.Append(" bandwidth=\"").Append(Math.Max(1, info.BandwidthBitsPerSecond).ToString(CultureInfo.InvariantCulture)).Append('"');
            if (movie.Video is { } track)
            {
                var width = info.Width > 0 ? info.Width : track.Width;
                var height = info.Height > 0 ? info.Height : track.Height;
                if (width > 0 && height > 0)
                {
                    builder.Append(" width=\"").Append(width.ToString(CultureInfo.InvariantCulture))
                        .Append("\" height=\"").Append(height.ToString(CultureInfo.InvariantCulture)).Append("\" sar=\"1:1\"");
                }

            }

            if (movie.Audio is { } audio && audio.SampleRate > 0)
            {
                builder.Append(" audioSamplingRate=\"").Append(audio.SampleRate.ToString(CultureInfo.InvariantCulture)).Append('"');
            }

            builder.Append(">\n");
            var firstSegment = segments[first];
            var numberBase = MediaUrls.DashNumberBase(init.FirstSequence);
            builder.Append("        <SegmentTemplate timescale=\"").Append(firstSegment.Timescale.ToString(CultureInfo.InvariantCulture))
                .Append("\" presentationTimeOffset=\"").Append(timeline.PresentationTimeOffset(firstSegment, periodStart).ToString(CultureInfo.InvariantCulture))
                .Append("\" startNumber=\"").Append((firstSegment.Sequence - numberBase).ToString(CultureInfo.InvariantCulture))
                .Append("\" initialization=\"");
            MediaUrls.AppendDashRenditionFolder(builder, info.Name);
            MediaUrls.AppendInit(builder, init.Key).Append("\" media=\"");
            MediaUrls.AppendDashRenditionFolder(builder, info.Name);
            builder.Append(numberBase.ToString(CultureInfo.InvariantCulture)).Append("/$Number$").Append(MediaUrls.SegmentExtension).Append('"');
            if (availabilityTimeOffset > TimeSpan.Zero)
            {
                // §5.3.9.5.3: segments are available this much before their end (as soon as the first part is
                // out); not complete then, so a player reads them with chunked transfer (§5.3.9.5.3, Table 16).
                builder.Append(" availabilityTimeOffset=\"").Append(Seconds(availabilityTimeOffset)).Append("\" availabilityTimeComplete=\"false\"");
            }

            builder.Append(">\n          <SegmentTimeline>\n");
            WriteTimeline(builder, segments, first, count);
            builder.Append("          </SegmentTimeline>\n        </SegmentTemplate>\n      </Representation>\n");
        }

        if (opened)
        {
            builder.Append("    </AdaptationSet>\n");
        }
    }

    /// <summary>§5.3.9.6: S@t on the first entry and after a gap, S@r for runs of equal, contiguous durations.</summary>
    private static void WriteTimeline(StringBuilder builder, CmafSegment[] segments, int first, int count)
    {
        var i = first;
        var end = first + count;
        var expected = ulong.MaxValue;
        while (i < end)
        {
            var segment = segments[i];
            var repeat = 0;
            while (i + repeat + 1 < end
                && segments[i + repeat + 1].DurationTicks == segment.DurationTicks
                && segments[i + repeat + 1].DecodeTime == segment.DecodeTime + ((ulong)(repeat + 1) * segment.DurationTicks))
            {
                repeat++;
            }

            builder.Append("            <S");
            if (segment.DecodeTime != expected)
            {
                builder.Append(" t=\"").Append(segment.DecodeTime.ToString(CultureInfo.InvariantCulture)).Append('"');
            }

            builder.Append(" d=\"").Append(segment.DurationTicks.ToString(CultureInfo.InvariantCulture)).Append('"');
            if (repeat > 0)
            {
                builder.Append(" r=\"").Append(repeat.ToString(CultureInfo.InvariantCulture)).Append('"');
            }

            builder.Append("/>\n");
            expected = segment.DecodeTime + ((ulong)(repeat + 1) * segment.DurationTicks);
            i += repeat + 1;
        }
    }

    /// <summary>FrameRateType (§5.3.12.2): an integer, or a fraction for NTSC rates.</summary>
    internal static string FrameRate(double fps)
    {
        var rounded = Math.Round(fps);
        if (Math.Abs(fps - rounded) < 0.001)
        {
            return ((int)rounded).ToString(CultureInfo.InvariantCulture);
        }

        var ntsc = Math.Round(fps * 1.001);
        if (Math.Abs((ntsc / 1.001) - fps) < 0.01)
        {
            return ((int)(ntsc * 1000)).ToString(CultureInfo.InvariantCulture) + "/1001";
        }

        return ((int)Math.Round(fps * 1000)).ToString(CultureInfo.InvariantCulture) + "/1000";
    }

    /// <summary>xs:duration in seconds with millisecond precision: "PT1.5S".</summary>
    internal static string Duration(TimeSpan value) =>
        "PT" + Seconds(value) + "S";

    private static string Seconds(TimeSpan value) =>
        Math.Round(value.TotalSeconds, 3, MidpointRounding.AwayFromZero).ToString("0.###", CultureInfo.InvariantCulture);

    private static string Milliseconds(TimeSpan value) =>
        ((long)Math.Round(value.TotalMilliseconds)).ToString(CultureInfo.InvariantCulture);

    /// <summary>xs:dateTime in UTC with milliseconds.</summary>
    private static string DateTime(DateTimeOffset value) =>
        value.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);

    private static string Escape(string value) =>
        value.Replace("&", "&amp;", StringComparison.Ordinal).Replace("\"", "&quot;", StringComparison.Ordinal).Replace("<", "&lt;", StringComparison.Ordinal);
}
