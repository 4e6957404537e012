using System.Globalization;
using System.Xml;
using System.Xml.Linq;
using Spectra.Media.Dash;
using Spectra.Media.Packaging;
using Spectra.Media.Tests.TestSupport;

namespace Spectra.Media.Tests.Dash;

/// <summary>
/// The MPD against the rules of ISO/IEC 23009-1 these tests check by hand: a well-formed MPD in the 2011
/// namespace, elements in schema order, a continuous SegmentTimeline per Representation whose numbers are
/// the HLS media sequence numbers, codecs from the init segment, low-latency attributes only with parts.
/// </summary>
public sealed class DashManifestWriterTests
{
    private static readonly XNamespace Mpd = DashManifestWriter.Namespace;
    private static readonly DateTimeOffset Start = new(2026, 11, 21, 12, 0, 0, TimeSpan.Zero);
    private static readonly TimeSpan PartTarget = new PackagerOptions().PartTargetDuration;
    private const string TimeUrl = "http://127.0.0.1/dash/time";

    [Fact]
    public async Task Write_LiveWindow_DynamicMpdWithRequiredAttributesInSchemaOrder()
    {
        var window = await PackagedAsync(TestFiles.AvcAac);

        var mpd = Parse(Write(window, PartTarget));

        Assert.Equal("dynamic", Attr(mpd, "type"));
        Assert.Equal(DashManifestWriter.LiveProfile, Attr(mpd, "profiles"));
        foreach (var name in new[] { "availabilityStartTime", "publishTime", "minimumUpdatePeriod", "timeShiftBufferDepth", "suggestedPresentationDelay", "minBufferTime", "maxSegmentDuration" })
        {
            Assert.NotNull(mpd.Attribute(name));
        }

        Assert.Null(mpd.Attribute("mediaPresentationDuration"));
        Assert.Equal("PT4S", Attr(mpd, "timeShiftBufferDepth"));   // four 1 s segments
        Assert.Equal(Start.AddMinutes(1), DateTimeOffset.Parse(Attr(mpd, "publishTime"), CultureInfo.InvariantCulture));

        // MPD children in the order of the schema's sequence: ServiceDescription, Period, UTCTiming.
        Assert.Equal(["ServiceDescription", "Period", "UTCTiming"], mpd.Elements().Select(e => e.Name.LocalName));
        var timing = mpd.Element(Mpd + "UTCTiming")!;
        Assert.Equal(DashManifestWriter.HttpIsoTimingScheme, Attr(timing, "schemeIdUri"));
        Assert.Equal(TimeUrl, Attr(timing, "value"));
    }

    [Fact]
    public async Task Write_LiveWindow_TimelineContinuousAndNumbersAreHlsSequences()
    {
        var window = await PackagedAsync(TestFiles.AvcAac);
        var segments = window.Snapshot.Segments;

        var mpd = Parse(Write(window, PartTarget));

        var representation = mpd.Descendants(Mpd + "Representation").Single();
        var template = representation.Element(Mpd + "SegmentTemplate")!;
        Assert.Equal("360p/init-100-1.mp4", Attr(template, "initialization"));
        Assert.Equal("360p/0/$Number$.m4s", Attr(template, "media"));   // base 0: numbers are the HLS ones
        Assert.Equal(segments[0].Sequence.ToString(CultureInfo.InvariantCulture), Attr(template, "startNumber"));
        Assert.Equal(segments[0].Timescale.ToString(CultureInfo.InvariantCulture), Attr(template, "timescale"));

        var timeline = Expand(template);
        Assert.Equal(segments.Select(s => (s.DecodeTime, s.DurationTicks)), timeline);
        for (var i = 1; i < timeline.Count; i++)
        {
            Assert.Equal(timeline[i - 1].Time + timeline[i - 1].Duration, timeline[i].Time);
        }

        // The first S states its time; equal contiguous durations are folded into S@r.
        var entries = template.Descendants(Mpd + "S").ToList();
        Assert.NotNull(entries[0].Attribute("t"));
        Assert.True(entries.Count < segments.Count, "equal durations should repeat with S@r");
    }

    [Fact]
    public async Task Write_LiveWindow_RepresentationFromInitSegmentAndLadder()
    {
        var window = await PackagedAsync(TestFiles.AvcAac);

        var mpd = Parse(Write(window, PartTarget));

        var set = mpd.Descendants(Mpd + "AdaptationSet").Single();
        Assert.Equal("video", Attr(set, "contentType"));
        Assert.Equal("video/mp4", Attr(set, "mimeType"));
        Assert.Equal("30", Attr(set, "maxFrameRate"));
        var representation = set.Element(Mpd + "Representation")!;
        Assert.Equal("360p", Attr(representation, "id"));
        Assert.Equal(window.CurrentInit!.Codecs, Attr(representation, "codecs"));
        Assert.Equal("avc1.64001e,mp4a.40.2", Attr(representation, "codecs"));
        Assert.Equal("500000", Attr(representation, "bandwidth"));
        Assert.Equal(("640", "360"), (Attr(representation, "width"), Attr(representation, "height")));
    }

    [Fact]
    public async Task Write_AudioOnly_AudioAdaptationSet()
    {
        var window = await PackagedAsync(TestFiles.AacOnly, new RenditionInfo("audio", 0, 0, 0, 64_000, 64_000, IsSource: false));

        var mpd = Parse(Write(window, PartTarget, new RenditionInfo("audio", 0, 0, 0, 64_000, 64_000, IsSource: false)));

        var set = mpd.Descendants(Mpd + "AdaptationSet").Single();
        Assert.Equal(("audio", "audio/mp4"), (Attr(set, "contentType"), Attr(set, "mimeType")));
        var representation = set.Element(Mpd + "Representation")!;
        Assert.StartsWith("mp4a.40.", Attr(representation, "codecs"), StringComparison.Ordinal);
        Assert.Null(representation.Attribute("width"));
    }

    [Fact]
    public async Task Write_WithParts_LowLatencyAttributesAndServiceDescription()
    {
        var window = await PackagedAsync(TestFiles.AvcAac);
        Assert.True(window.Snapshot.Latest!.Parts.Count > 1, "the test file should give several parts per segment");

        var mpd = Parse(Write(window, PartTarget));

        var template = mpd.Descendants(Mpd + "SegmentTemplate").Single();
        var offset = double.Parse(Attr(template, "availabilityTimeOffset"), CultureInfo.InvariantCulture);
        Assert.InRange(offset, 0.1, 1.0);   // available once the first part is out, before the 1 s segment ends
        Assert.Equal("false", Attr(template, "availabilityTimeComplete"));
        var latency = mpd.Element(Mpd + "ServiceDescription")!.Element(Mpd + "Latency")!;
        var target = int.Parse(Attr(latency, "target"), CultureInfo.InvariantCulture);
        Assert.InRange(target, 1000, 1500);
        Assert.True(int.Parse(Attr(latency, "min"), CultureInfo.InvariantCulture) < target);
        Assert.True(int.Parse(Attr(latency, "max"), CultureInfo.InvariantCulture) > target);
        Assert.NotNull(mpd.Element(Mpd + "ServiceDescription")!.Element(Mpd + "PlaybackRate"));
    }

    [Fact]
    public async Task Write_WithoutPartTarget_NoLowLatencyAttributes()
    {
        var window = await PackagedAsync(TestFiles.AvcAac);

        var text = Write(window, TimeSpan.Zero);

        Assert.DoesNotContain("availabilityTimeOffset", text, StringComparison.Ordinal);
        Assert.DoesNotContain("availabilityTimeComplete", text, StringComparison.Ordinal);
        Assert.DoesNotContain("ServiceDescription", text, StringComparison.Ordinal);
        Assert.Equal(["Period", "UTCTiming"], Parse(text).Elements().Select(e => e.Name.LocalName));
    }

    [Fact]
    public async Task Write_NewGeneration_NewPeriodWithItsOwnInitAndContinuousTimelines()
    {
        var time = new ManualTimeProvider(Start);
        var (packager, window, _) = Packagers.Create(options: new PackagerOptions { WindowSegmentCount = 8 }, time: time);
        await Packagers.RunFileAsync(packager, TestFiles.AvcAac);
        time.Now = Start.AddSeconds(10);   // the transcoder restarts later; its decode time starts again
        await Packagers.RunFileAsync(packager, TestFiles.AvcAac);
        var segments = window.Snapshot.Segments;

        var mpd = Parse(Write(window, PartTarget, time: time));

        var periods = mpd.Elements(Mpd + "Period").ToList();
        Assert.Equal(2, periods.Count);
        Assert.Equal(("p0", "PT0S"), (Attr(periods[0], "id"), Attr(periods[0], "start")));
        var secondStart = XmlConvert.ToTimeSpan(Attr(periods[1], "start"));
        Assert.InRange(secondStart, TimeSpan.FromSeconds(5), TimeSpan.FromSeconds(12));
        Assert.Equal("p" + ((long)secondStart.TotalMilliseconds).ToString(CultureInfo.InvariantCulture), Attr(periods[1], "id"));

        var first = periods[0].Descendants(Mpd + "SegmentTemplate").Single();
        var second = periods[1].Descendants(Mpd + "SegmentTemplate").Single();
        Assert.Equal(("100", "360p/init-100-1.mp4"), (Attr(first, "startNumber"), Attr(first, "initialization")));
        Assert.Equal(("104", "360p/init-104-2.mp4"), (Attr(second, "startNumber"), Attr(second, "initialization")));
        Assert.Equal(segments.Take(4).Select(s => (s.DecodeTime, s.DurationTicks)), Expand(first));
        Assert.Equal(segments.Skip(4).Select(s => (s.DecodeTime, s.DurationTicks)), Expand(second));

        // The second Period's first segment is presented at the Period start (to the ms).
        var timescale = double.Parse(Attr(second, "timescale"), CultureInfo.InvariantCulture);
        var offset = double.Parse(Attr(second, "presentationTimeOffset"), CultureInfo.InvariantCulture);
        Assert.InRange((segments[4].DecodeTime - offset) / timescale, 0, 0.002);

        // Ids and starts do not move when the MPD is rendered again later.
        var again = Parse(Write(window, PartTarget, time: time, timeline: _lastTimeline));
        Assert.Equal(periods.Select(p => Attr(p, "start")), again.Elements(Mpd + "Period").Select(p => Attr(p, "start")));
    }

    [Fact]
    public async Task Write_Ended_MediaPresentationDurationAndNoUpdates()
    {
        var window = await PackagedAsync(TestFiles.AvcAac);
        window.End();

        var mpd = Parse(Write(window, PartTarget));

        Assert.Null(mpd.Attribute("minimumUpdatePeriod"));
        Assert.NotNull(mpd.Attribute("mediaPresentationDuration"));
        Assert.DoesNotContain(mpd.Descendants(Mpd + "SegmentTemplate"), t => t.Attribute("availabilityTimeOffset") is not null);
    }

    [Theory]
    [InlineData(30.0, "30")]
    [InlineData(29.97, "30000/1001")]
    [InlineData(59.94, "60000/1001")]
    [InlineData(12.5, "12500/1000")]
    public void FrameRate_Value_FrameRateType(double fps, string expected)
    {
        Assert.Equal(expected, DashManifestWriter.FrameRate(fps));
    }

    [Fact]
    public void DashNumberBase_UnixMillisecondSequence_LastNineDigitsFitInUnsignedInt()
    {
        const long sequence = 1_796_694_014_956;

        var numberBase = MediaUrls.DashNumberBase(sequence);

        Assert.Equal(1_796_000_000_000, numberBase);
        Assert.Equal(694_014_956, sequence - numberBase);
        Assert.True(sequence - numberBase <= uint.MaxValue);
    }

    private DashTimeline? _lastTimeline;

    private static async Task<LiveWindow> PackagedAsync(string file, RenditionInfo? rendition = null)
    {
        var (packager, window, _) = Packagers.Create(rendition, time: new ManualTimeProvider(Start));
        await Packagers.RunFileAsync(packager, file);
        return window;
    }

    private string Write(LiveWindow window, TimeSpan partTarget, RenditionInfo? rendition = null, ManualTimeProvider? time = null, DashTimeline? timeline = null)
    {
        var snapshot = window.Snapshot;
        timeline ??= DashTimeline.Create([snapshot])!;
        _lastTimeline = timeline;
        var text = DashManifestWriter.Write(timeline, [new DashRenditionView(rendition ?? Packagers.Rendition360, snapshot)], partTarget, TimeUrl, (time?.Now ?? Start).AddMinutes(1));
        return text;
    }

    /// <summary>Parses with a validating-free reader that still rejects anything not well-formed XML.</summary>
    private static XElement Parse(string text)
    {
        Assert.StartsWith("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n", text, StringComparison.Ordinal);
        var root = XDocument.Parse(text).Root!;
        Assert.Equal(Mpd + "MPD", root.Name);
        return root;
    }

    private static string Attr(XElement element, string name) =>
        element.Attribute(name)?.Value ?? throw new Xunit.Sdk.XunitException($"<{element.Name.LocalName}> has no @{name}");

    /// <summary>The SegmentTimeline as (S@t, S@d) per segment, S@r expanded, missing S@t continuing the previous entry.</summary>
    private static List<(ulong Time, ulong Duration)> Expand(XElement template)
    {
        var list = new List<(ulong, ulong)>();
        ulong next = 0;
        foreach (var s in template.Element(Mpd + "SegmentTimeline")!.Elements(Mpd + "S"))
        {
            var t = s.Attribute("t") is { } at ? ulong.Parse(at.Value, CultureInfo.InvariantCulture) : next;
            var d = ulong.Parse(Attr(s, "d"), CultureInfo.InvariantCulture);
            var r = s.Attribute("r") is { } ar ? int.Parse(ar.Value, CultureInfo.InvariantCulture) : 0;
            for (var i = 0; i <= r; i++)
            {
                list.Add((t, d));
                t += d;
            }

            next = t;
        }

        return list;
    }
}
