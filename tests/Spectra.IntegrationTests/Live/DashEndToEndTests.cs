using System.Globalization;
using System.Net;
using System.Xml.Linq;
using Spectra.Testing.Live;

namespace Spectra.IntegrationTests.Live;

/// <summary>
/// MPEG-DASH as players meet it: real ffmpeg publishing over RTMP, the server's transcoder and packager,
/// the MPD at /dash/{channel}/manifest.mpd over the HLS origin's segments, and ffmpeg's DASH demuxer.
/// </summary>
public sealed class DashEndToEndTests
{
    private static readonly XNamespace Mpd = "urn:mpeg:dash:schema:mpd:2011";

    [Fact]
    public async Task Publish_FfmpegStream_MpdMatchesHlsAndFfmpegDecodesIt()
    {
        await using var host = await LiveHost.StartAsync();
        using var events = new LiveEventRecorder(host);
        var dora = await host.CreateStreamerAsync("dora");
        using var client = host.CreateClient();

        await using var publisher = ExternalProcess.FfmpegPublish(host.RtmpUrl(dora.StreamKey), seconds: 40, size: "640x360");
        await events.WaitForOnlineAsync(dora.ChannelId, TimeSpan.FromSeconds(40));

        // Let a few segments accumulate.
        await Task.Delay(TimeSpan.FromSeconds(3));
        var manifestUri = new Uri(host.BaseAddress, "/dash/dora/manifest.mpd");
        using var response = await client.GetAsync(manifestUri);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/dash+xml", response.Content.Headers.ContentType!.MediaType);
        Assert.Equal("*", response.Headers.GetValues("Access-Control-Allow-Origin").Single());
        Assert.Equal("public, max-age=1", response.Headers.CacheControl!.ToString());
        var text = await response.Content.ReadAsStringAsync();
        var mpd = XDocument.Parse(text).Root!;
        Assert.Equal("dynamic", (string?)mpd.Attribute("type"));

        // One video AdaptationSet holding both renditions (their segments also carry the AAC track).
        var period = Assert.Single(mpd.Elements(Mpd + "Period"));
        var set = Assert.Single(period.Elements(Mpd + "AdaptationSet"));
        Assert.Equal("video", (string?)set.Attribute("contentType"));
        var representations = set.Elements(Mpd + "Representation").ToList();
        Assert.Equal(["source", "240p"], representations.Select(r => (string?)r.Attribute("id")));
        Assert.Equal(["640x360", "426x240"], representations.Select(r => $"{r.Attribute("width")?.Value}x{r.Attribute("height")?.Value}"));

        // The master playlist's CODECS are the Representations' codecs; $Number$ is the HLS media sequence.
        var masterUri = new Uri(host.BaseAddress, "/hls/dora/master.m3u8");
        var variants = HlsPlaylists.ParseMaster(await client.GetStringAsync(masterUri));
        foreach (var representation in representations)
        {
            var id = (string)representation.Attribute("id")!;
            var variant = variants.Single(v => v.Uri.StartsWith(id + "/", StringComparison.Ordinal));
            Assert.Equal(variant.Attributes["CODECS"], (string?)representation.Attribute("codecs"));
            Assert.Matches("^avc1\\.[0-9a-f]{6},mp4a\\.40\\.2$", (string)representation.Attribute("codecs")!);

            // $Number$ is the HLS media sequence number less a base that is a multiple of 10^9 (named in the URL).
            var template = representation.Element(Mpd + "SegmentTemplate")!;
            var mediaTemplate = (string)template.Attribute("media")!;
            var match = System.Text.RegularExpressions.Regex.Match(mediaTemplate, "^" + id + "/([0-9]+)/\\$Number\\$\\.m4s$");
            Assert.True(match.Success, mediaTemplate);
            var numberBase = long.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture);
            Assert.Equal(0, numberBase % 1_000_000_000);
            var startNumber = long.Parse((string)template.Attribute("startNumber")!, CultureInfo.InvariantCulture);
            Assert.InRange(startNumber, 0, uint.MaxValue);
            var count = template.Element(Mpd + "SegmentTimeline")!.Elements(Mpd + "S").Sum(s => 1 + ((int?)s.Attribute("r") ?? 0));
            var playlistUri = new Uri(masterUri, variant.Uri);
            var playlist = HlsPlaylists.ParseMedia(await client.GetStringAsync(playlistUri));
            var lastDash = startNumber + count - 1;
            var lastSequence = numberBase + lastDash;
            Assert.InRange(lastSequence, playlist.MediaSequence, playlist.MediaSequence + playlist.Segments.Count - 1);
            Assert.Equal($"{lastSequence}.m4s", playlist.Segments[(int)(lastSequence - playlist.MediaSequence)]);

            // DASH serves the HLS origin's bytes: same segment, same init segment.
            var media = new Uri(manifestUri, mediaTemplate.Replace("$Number$", lastDash.ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal));
            Assert.Equal(await client.GetByteArrayAsync(new Uri(playlistUri, $"{lastSequence}.m4s")), await client.GetByteArrayAsync(media));
            var init = new Uri(manifestUri, (string)template.Attribute("initialization")!);
            Assert.Equal(await client.GetByteArrayAsync(new Uri(playlistUri, playlist.MapUri!)), await client.GetByteArrayAsync(init));

            // Low-latency DASH: the next segment, requested early, arrives part by part and equals the finished one.
            Assert.Equal("false", (string?)template.Attribute("availabilityTimeComplete"));
            var next = new Uri(manifestUri, mediaTemplate.Replace("$Number$", (lastDash + 1).ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal));
            // (404 until its first part is out: retried for a few part durations.)
            byte[]? early = null;
            for (var attempt = 0; attempt < 30 && early is null; attempt++)
            {
                using var earlyResponse = await client.GetAsync(next);
                if (earlyResponse.StatusCode == HttpStatusCode.NotFound)
                {
                    await Task.Delay(100);
                    continue;
                }

                Assert.Equal(HttpStatusCode.OK, earlyResponse.StatusCode);
                early = await earlyResponse.Content.ReadAsByteArrayAsync();
            }

            Assert.NotNull(early);
            Assert.Equal(await client.GetByteArrayAsync(next), early);
        }

        Assert.NotNull(mpd.Element(Mpd + "ServiceDescription"));
        var timing = mpd.Element(Mpd + "UTCTiming")!;
        Assert.Equal("urn:mpeg:dash:utc:http-iso:2014", (string?)timing.Attribute("schemeIdUri"));
        var serverTime = DateTimeOffset.Parse(await client.GetStringAsync((string)timing.Attribute("value")!), CultureInfo.InvariantCulture);
        Assert.True((DateTimeOffset.UtcNow - serverTime).Duration() < TimeSpan.FromSeconds(5));

        // ffmpeg's DASH demuxer reads the MPD and decodes video frames of both tracks' segments.
        var (exit, output, error) = await ExternalProcess.RunAsync(
            "ffmpeg",
            ["-v", "error", "-i", manifestUri.ToString(), "-map", "0:v:0", "-map", "0:a:0?", "-frames:v", "30", "-f", "framecrc", "-"],
            TimeSpan.FromSeconds(60));
        Assert.True(exit == 0, $"ffmpeg on the MPD: {error}");
        var frames = output.Split('\n').Count(l => l.StartsWith("0,", StringComparison.Ordinal));
        Assert.True(frames >= 30, $"ffmpeg decoded {frames} video frames: {error}");

        using var unknown = await client.GetAsync("/dash/nobody/manifest.mpd");
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Empty(host.Errors);
    }
}
