using System.Globalization;
using System.Text.RegularExpressions;
using Spectra.Media.Hls;
using Spectra.Media.Packaging;
using Spectra.Media.Tests.TestSupport;

namespace Spectra.Media.Tests.Hls;

public sealed partial class HlsPlaylistWriterTests
{
    [Fact]
    public async Task WriteMediaPlaylist_GoldenWindow_ExactPlaylist()
    {
        var start = new DateTimeOffset(2026, 11, 21, 12, 0, 0, TimeSpan.Zero);
        var (packager, window, _) = Packagers.Create(time: new ManualTimeProvider(start));
        await Packagers.RunFileAsync(packager, TestFiles.AvcAac);

        var playlist = HlsPlaylistWriter.WriteMediaPlaylist(window.Snapshot);

        Assert.Equal(
            """
            #EXTM3U
            #EXT-X-VERSION:7
            #EXT-X-TARGETDURATION:1
            #EXT-X-MEDIA-SEQUENCE:100
            #EXT-X-DISCONTINUITY-SEQUENCE:0
            #EXT-X-INDEPENDENT-SEGMENTS
            #EXT-X-MAP:URI="init-100-1.mp4"
            #EXT-X-PROGRAM-DATE-TIME:2026-11-21T11:59:59.733Z
            #EXTINF:1.000,
            100.m4s
            #EXT-X-PROGRAM-DATE-TIME:2026-11-21T12:00:00.733Z
            #EXTINF:1.000,
            101.m4s
            #EXT-X-PROGRAM-DATE-TIME:2026-11-21T12:00:01.733Z
            #EXTINF:1.000,
            102.m4s
            #EXT-X-PROGRAM-DATE-TIME:2026-11-21T12:00:02.733Z
            #EXTINF:1.000,
            103.m4s

            """.ReplaceLineEndings("\n"),
            playlist);
        HlsPlaylistValidator.ValidateMedia(playlist);
    }

    [Fact]
    public async Task WriteMediaPlaylist_EndedWindow_SameSegmentsThenEndList()
    {
        var (packager, window, _) = Packagers.Create();
        await Packagers.RunFileAsync(packager, TestFiles.AvcAac);
        var live = HlsPlaylistWriter.WriteMediaPlaylist(window.Snapshot);

        window.End();
        var ended = HlsPlaylistWriter.WriteMediaPlaylist(window.Snapshot);

        Assert.Equal(live + "#EXT-X-ENDLIST\n", ended);
        HlsPlaylistValidator.ValidateMedia(live);
        HlsPlaylistValidator.ValidateMedia(ended, ended: true);
    }

    [Fact]
    public async Task WriteMediaPlaylist_NewGeneration_DiscontinuityAndNewMap()
    {
        var (packager, window, _) = Packagers.Create(options: new PackagerOptions { WindowSegmentCount = 6 });
        await Packagers.RunFileAsync(packager, TestFiles.AvcAac);
        await Packagers.RunFileAsync(packager, TestFiles.AvcAac);

        var playlist = HlsPlaylistWriter.WriteMediaPlaylist(window.Snapshot);

        var lines = playlist.Split('\n');
        Assert.Contains("#EXT-X-MEDIA-SEQUENCE:102", lines);
        Assert.Contains("#EXT-X-DISCONTINUITY-SEQUENCE:0", lines);
        Assert.Equal("#EXT-X-MAP:URI=\"init-100-1.mp4\"", lines.First(l => l.StartsWith("#EXT-X-MAP", StringComparison.Ordinal)));
        var discontinuity = Array.IndexOf(lines, "#EXT-X-DISCONTINUITY");
        Assert.Equal("#EXT-X-MAP:URI=\"init-104-2.mp4\"", lines[discontinuity + 1]);
        Assert.Equal("104.m4s", lines[discontinuity + 4]);
        Assert.Single(lines, l => l == "#EXT-X-DISCONTINUITY");
        HlsPlaylistValidator.ValidateMedia(playlist);
    }

    [Fact]
    public async Task WriteMediaPlaylist_DiscontinuityEvicted_CountsItAndRestatesMap()
    {
        var (packager, window, _) = Packagers.Create(options: new PackagerOptions { WindowSegmentCount = 3 });
        await Packagers.RunFileAsync(packager, TestFiles.AvcAac);
        await Packagers.RunFileAsync(packager, TestFiles.AvcAac);

        var playlist = HlsPlaylistWriter.WriteMediaPlaylist(window.Snapshot);

        Assert.Contains("#EXT-X-DISCONTINUITY-SEQUENCE:1\n", playlist, StringComparison.Ordinal);
        Assert.DoesNotContain("#EXT-X-DISCONTINUITY\n", playlist, StringComparison.Ordinal);
        Assert.Contains("#EXT-X-MAP:URI=\"init-104-2.mp4\"\n", playlist, StringComparison.Ordinal);
        HlsPlaylistValidator.ValidateMedia(playlist);
    }

    [Fact]
    public async Task WriteMediaPlaylist_TwoSecondSegments_TargetDurationTwo()
    {
        var (packager, window, _) = Packagers.Create(options: new PackagerOptions { TargetSegmentDuration = TimeSpan.FromSeconds(1.5) });
        await Packagers.RunFileAsync(packager, TestFiles.AvcAac);

        var playlist = HlsPlaylistWriter.WriteMediaPlaylist(window.Snapshot);

        Assert.Contains("#EXT-X-TARGETDURATION:2\n", playlist, StringComparison.Ordinal);
        Assert.Contains("#EXTINF:2.000,\n", playlist, StringComparison.Ordinal);
        HlsPlaylistValidator.ValidateMedia(playlist);
    }

    [Fact]
    public async Task WriteMediaPlaylist_AudioOnly_ThreeDecimalDurationsWithinTarget()
    {
        var (packager, window, _) = Packagers.Create(new RenditionInfo("audio", 0, 0, 0, 96_000, 64_000, false));
        await Packagers.RunFileAsync(packager, TestFiles.AacOnly);

        var playlist = HlsPlaylistWriter.WriteMediaPlaylist(window.Snapshot);

        Assert.Matches(ExtinfPattern(), playlist);
        Assert.Contains("#EXT-X-TARGETDURATION:1\n", playlist, StringComparison.Ordinal);
        HlsPlaylistValidator.ValidateMedia(playlist);
    }

    [Fact]
    public async Task WriteMasterPlaylist_EveryRendition_HasAllAttributes()
    {
        var video = new RenditionInfo("360p", 640, 360, 30, 500_000, 400_000, false);
        var audio = new RenditionInfo("audio", 0, 0, 0, 96_000, 64_000, false);
        var (videoPackager, videoWindow, _) = Packagers.Create(video);
        var (audioPackager, audioWindow, _) = Packagers.Create(audio);
        await Packagers.RunFileAsync(videoPackager, TestFiles.AvcAac);
        await Packagers.RunFileAsync(audioPackager, TestFiles.AacOnly);
        var stream = new HlsStream("alice", [new HlsRendition(video, videoWindow), new HlsRendition(audio, audioWindow)]);

        var playlist = HlsPlaylistWriter.WriteMasterPlaylist(stream);

        Assert.Equal(
            """
            #EXTM3U
            #EXT-X-VERSION:7
            #EXT-X-INDEPENDENT-SEGMENTS
            #EXT-X-STREAM-INF:BANDWIDTH=500000,AVERAGE-BANDWIDTH=400000,RESOLUTION=640x360,FRAME-RATE=30.000,CODECS="avc1.64001e,mp4a.40.2",NAME="360p"
            360p/index.m3u8
            #EXT-X-STREAM-INF:BANDWIDTH=96000,AVERAGE-BANDWIDTH=64000,CODECS="mp4a.40.2",NAME="audio"
            audio/index.m3u8

            """.ReplaceLineEndings("\n"),
            playlist);
    }

    [Fact]
    public void WriteMasterPlaylist_BeforeInit_OmitsCodecs()
    {
        var info = new RenditionInfo("720p", 1280, 720, 29.97, 3_000_000, 2_500_000, true);
        var stream = new HlsStream("bob", [new HlsRendition(info, new LiveWindow(12, 0))]);

        var playlist = HlsPlaylistWriter.WriteMasterPlaylist(stream);

        Assert.Contains("#EXT-X-STREAM-INF:BANDWIDTH=3000000,AVERAGE-BANDWIDTH=2500000,RESOLUTION=1280x720,FRAME-RATE=29.970,NAME=\"720p\"\n", playlist, StringComparison.Ordinal);
    }

    [Fact]
    public void TargetDurationSeconds_EmptyWindow_IsOne()
    {
        Assert.Equal(1, HlsPlaylistWriter.TargetDurationSeconds(new LiveWindow(12, 0).Snapshot));
    }

    private static readonly TimeSpan PartTarget = TimeSpan.FromTicks(TimeSpan.TicksPerSecond / 3);

    [Fact]
    public async Task WriteMediaPlaylist_LowLatency_ExactHeadPartsHintAndReport()
    {
        var driver = await WindowDriver.CreateAsync(firstSequence: 300);
        var other = await WindowDriver.CreateAsync(firstSequence: 300);
        driver.PublishSegments(1);
        driver.PublishPart();
        other.PublishSegments(1);
        other.PublishPart();
        other.PublishPart();
        var snapshot = driver.Window.Snapshot;
        var segment = snapshot.Segments[0];

        var playlist = HlsPlaylistWriter.WriteMediaPlaylist(snapshot, PartTarget, [new HlsRenditionReport("480p", other.Window.Snapshot)], skip: false);

        var lines = playlist[..^1].Split('\n');
        Assert.Equal("#EXT-X-VERSION:7", lines[1]);
        Assert.Equal("#EXT-X-TARGETDURATION:1", lines[2]);
        Assert.Equal("#EXT-X-SERVER-CONTROL:CAN-BLOCK-RELOAD=YES,CAN-SKIP-UNTIL=6.0,PART-HOLD-BACK=1.002", lines[3]);   // §4.4.3.8
        Assert.Equal("#EXT-X-PART-INF:PART-TARGET=0.334", lines[4]);                                                     // §4.4.3.7
        Assert.Equal("#EXT-X-MEDIA-SEQUENCE:300", lines[5]);
        Assert.Equal("#EXT-X-MAP:URI=\"init-300-1.mp4\"", lines[8]);
        var parts = lines.Where(l => l.StartsWith("#EXT-X-PART:", StringComparison.Ordinal)).ToArray();
        Assert.Equal(segment.Parts.Count + 1, parts.Length);
        Assert.Equal(string.Create(CultureInfo.InvariantCulture, $"#EXT-X-PART:DURATION={segment.Parts[0].Duration.TotalSeconds:0.000},URI=\"300.0.m4s\",INDEPENDENT=YES"), parts[0]);
        Assert.DoesNotContain("INDEPENDENT", parts[1], StringComparison.Ordinal);
        Assert.StartsWith("#EXT-X-PART:DURATION=", parts[^1], StringComparison.Ordinal);
        Assert.EndsWith(",URI=\"301.0.m4s\",INDEPENDENT=YES", parts[^1], StringComparison.Ordinal);
        Assert.Equal("#EXT-X-PRELOAD-HINT:TYPE=PART,URI=\"301.1.m4s\"", lines[^2]);                                   // §4.4.5.3
        Assert.Equal("#EXT-X-RENDITION-REPORT:URI=\"../480p/index.m3u8\",LAST-MSN=301,LAST-PART=1", lines[^1]);        // §4.4.5.4
        HlsPlaylistValidator.ValidateMedia(playlist, lowLatency: true);
    }

    [Fact]
    public async Task WriteMediaPlaylist_LowLatency_PartsOnlyForLastThreeTargetDurations()
    {
        var driver = await WindowDriver.CreateAsync();
        driver.PublishSegments(8);

        var playlist = HlsPlaylistWriter.WriteMediaPlaylist(driver.Window.Snapshot, PartTarget, [], skip: false);

        var withParts = PartUris().Matches(playlist).Select(m => m.Groups[1].Value).Distinct().ToArray();
        Assert.Equal(["205", "206", "207"], withParts);
        Assert.Contains("\n200.m4s\n", playlist, StringComparison.Ordinal);
        HlsPlaylistValidator.ValidateMedia(playlist, lowLatency: true);
    }

    [Fact]
    public async Task WriteMediaPlaylist_LowLatency_PartDurationsWithinPartTarget()
    {
        var driver = await WindowDriver.CreateAsync();
        driver.PublishSegments(4);
        var snapshot = driver.Window.Snapshot;

        var target = HlsPlaylistWriter.PartTargetSeconds(snapshot, PartTarget);

        Assert.All(snapshot.Segments.SelectMany(s => s.Parts), p => Assert.True(Math.Round(p.Duration.TotalSeconds, 3) <= target));
        Assert.True(target >= PartTarget.TotalSeconds);
    }

    [Fact]
    public async Task WriteMediaPlaylist_Ended_NoHintNoReportsEndList()
    {
        var driver = await WindowDriver.CreateAsync();
        var other = await WindowDriver.CreateAsync();
        driver.PublishSegments(3);
        other.PublishSegments(3);
        driver.Window.End();

        var playlist = HlsPlaylistWriter.WriteMediaPlaylist(driver.Window.Snapshot, PartTarget, [new HlsRenditionReport("480p", other.Window.Snapshot)], skip: false);

        Assert.DoesNotContain("#EXT-X-PRELOAD-HINT", playlist, StringComparison.Ordinal);
        Assert.DoesNotContain("#EXT-X-RENDITION-REPORT", playlist, StringComparison.Ordinal);
        HlsPlaylistValidator.ValidateMedia(playlist, ended: true, lowLatency: true);
    }

    [Fact]
    public async Task WriteMediaPlaylist_OpenSegmentOfNewGeneration_DiscontinuityAndMapBeforeParts()
    {
        var driver = await WindowDriver.CreateAsync();
        driver.PublishSegments(2);
        var init = driver.Window.Snapshot.CurrentInit!;
        driver.Window.BeginGeneration(init.Data.ToArray(), init.Movie);
        var source = driver.Window.Snapshot.Segments[0];
        driver.Window.AppendPart(source.Parts[0].Data.ToArray(), source.Parts[0].Duration, isIndependent: true);

        var playlist = HlsPlaylistWriter.WriteMediaPlaylist(driver.Window.Snapshot, PartTarget, [], skip: false);

        Assert.EndsWith(
            "\n201.m4s\n#EXT-X-DISCONTINUITY\n#EXT-X-MAP:URI=\"init-202-2.mp4\"\n#EXT-X-PART:DURATION="
            + source.Parts[0].Duration.TotalSeconds.ToString("0.000", CultureInfo.InvariantCulture)
            + ",URI=\"202.0.m4s\",INDEPENDENT=YES\n#EXT-X-PRELOAD-HINT:TYPE=PART,URI=\"202.1.m4s\"\n",
            playlist,
            StringComparison.Ordinal);
    }

    [Fact]
    public async Task WriteMediaPlaylist_Delta_AppliedToPreviousEqualsFullPlaylist()
    {
        var driver = await WindowDriver.CreateAsync();
        driver.PublishSegments(10);
        driver.PublishPart();
        var snapshot = driver.Window.Snapshot;

        var full = HlsPlaylistWriter.WriteMediaPlaylist(snapshot, PartTarget, [], skip: false);
        var delta = HlsPlaylistWriter.WriteMediaPlaylist(snapshot, PartTarget, [], skip: true);

        // §6.2.5.1: segments starting more than CAN-SKIP-UNTIL (6 s) before the end are skipped.
        var skipped = HlsPlaylistWriter.SkippedSegmentCount(snapshot);
        Assert.Equal(4, skipped);
        Assert.Contains($"#EXT-X-SKIP:SKIPPED-SEGMENTS={skipped}\n", delta, StringComparison.Ordinal);
        Assert.Contains("#EXT-X-VERSION:9\n", delta, StringComparison.Ordinal);
        HlsPlaylistValidator.ValidateMedia(delta, lowLatency: true);
        Assert.Equal(full, HlsDeltaApplier.Apply(full, delta));
    }

    [Fact]
    public async Task WriteMediaPlaylist_DeltaOfShortWindow_NothingToSkip()
    {
        var driver = await WindowDriver.CreateAsync();
        driver.PublishSegments(3);

        var full = HlsPlaylistWriter.WriteMediaPlaylist(driver.Window.Snapshot, PartTarget, [], skip: false);
        var delta = HlsPlaylistWriter.WriteMediaPlaylist(driver.Window.Snapshot, PartTarget, [], skip: true);

        Assert.Equal(full, delta);
    }

    [GeneratedRegex("#EXT-X-PART:[^\n]*URI=\"(\\d+)\\.\\d+\\.m4s\"")]
    private static partial Regex PartUris();

    [GeneratedRegex(@"#EXTINF:\d+\.\d{3},\n")]
    private static partial Regex ExtinfPattern();
}
