using Spectra.Media.Recording;

namespace Spectra.Media.Tests.Recording;

public sealed class VodPlaylistWriterTests
{
    private static readonly long T0 = new DateTimeOffset(2026, 12, 8, 12, 0, 0, TimeSpan.Zero).ToUnixTimeMilliseconds();

    [Fact]
    public void WriteMedia_GenerationsAndGap_MapsDiscontinuitiesAndDateTimes()
    {
        var rendition = new RecordedRendition("720p", 1280, 720, 30, 3_000_000, 2_500_000, "avc1.64001f,mp4a.40.2",
        [
            new(10, "10-1", 2.0, false, T0, 500_000),
            new(11, "10-1", 2.5004, false, T0 + 2000, 600_000),
            new(14, "13-2", 1.0, true, T0 + 8000, 250_000),
        ]);

        var playlist = VodPlaylistWriter.WriteMedia(rendition);

        Assert.Equal(
            "#EXTM3U\n#EXT-X-VERSION:6\n#EXT-X-TARGETDURATION:3\n#EXT-X-PLAYLIST-TYPE:VOD\n#EXT-X-MEDIA-SEQUENCE:0\n#EXT-X-INDEPENDENT-SEGMENTS\n"
            + "#EXT-X-MAP:URI=\"init-10-1.mp4\"\n#EXT-X-PROGRAM-DATE-TIME:2026-12-08T12:00:00.000Z\n#EXTINF:2.000,\n10.m4s\n#EXTINF:2.500,\n11.m4s\n"
            + "#EXT-X-DISCONTINUITY\n#EXT-X-MAP:URI=\"init-13-2.mp4\"\n#EXT-X-PROGRAM-DATE-TIME:2026-12-08T12:00:08.000Z\n#EXTINF:1.000,\n14.m4s\n"
            + "#EXT-X-ENDLIST\n",
            playlist);
        Assert.Equal(TimeSpan.FromSeconds(5.5004), rendition.Duration);
    }

    [Fact]
    public void WriteMaster_MeasuredBandwidth_RenditionsWithoutSegmentsLeftOut()
    {
        var video = new RecordedVideo(Guid.NewGuid(), DateTimeOffset.UnixEpoch,
        [
            new RecordedRendition("source", 1920, 1080, 29.97, 80_000, 67_000, "avc1.640028,mp4a.40.2",
                [new(1, "1-1", 2.0, false, T0, 1_000_000), new(2, "1-1", 2.0, false, T0 + 2000, 500_000)]),
            new RecordedRendition("240p", 426, 240, 29.97, 400_000, 364_000, null, []),
        ]);

        var master = VodPlaylistWriter.WriteMaster(video);

        Assert.Equal(
            "#EXTM3U\n#EXT-X-VERSION:6\n#EXT-X-INDEPENDENT-SEGMENTS\n"
            + "#EXT-X-STREAM-INF:BANDWIDTH=4000000,AVERAGE-BANDWIDTH=3000000,RESOLUTION=1920x1080,FRAME-RATE=29.970,CODECS=\"avc1.640028,mp4a.40.2\",NAME=\"source\"\n"
            + "source/index.m3u8\n",
            master);
        Assert.Equal(TimeSpan.FromSeconds(4), video.Duration);
        Assert.True(video.IsPlayable);
    }
}
