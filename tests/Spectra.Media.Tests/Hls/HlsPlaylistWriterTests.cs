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

    [GeneratedRegex(@"#EXTINF:\d+\.\d{3},\n")]
    private static partial Regex ExtinfPattern();
}
