using System.Diagnostics;
using System.Globalization;
using System.Net;
using Spectra.Testing.Live;

namespace Spectra.IntegrationTests.Live;

/// <summary>
/// LL-HLS (RFC 8216bis) as a player meets it: real ffmpeg publishing over RTMP on loopback, the server's
/// transcoder and packager, the origin's playlists, parts and blocking reloads.
/// </summary>
public sealed class LowLatencyHlsEndToEndTests
{
    [Fact]
    public async Task Publish_FfmpegStream_PlaylistsFollowLowLatencyRulesAndPartsServe()
    {
        await using var host = await LiveHost.StartAsync();
        using var events = new LiveEventRecorder(host);
        var erin = await host.CreateStreamerAsync("erin");
        using var client = host.CreateClient();

        await using var publisher = ExternalProcess.FfmpegPublish(host.RtmpUrl(erin.StreamKey), seconds: 25, size: "640x360");
        await events.WaitForOnlineAsync(erin.ChannelId, TimeSpan.FromSeconds(40));

        // Online means every rendition has a segment: the master answers, and so does every variant it lists.
        var masterUri = new Uri(host.BaseAddress, "/hls/erin/master.m3u8");
        var variants = HlsPlaylists.ParseMaster(await client.GetStringAsync(masterUri));
        Assert.True(variants.Count >= 2, "expected the source passthrough and an encoded rendition");
        foreach (var variant in variants)
        {
            Assert.True(variant.Attributes.ContainsKey("CODECS"), $"{variant.Uri} lacks CODECS");
            using var response = await client.GetAsync(new Uri(masterUri, variant.Uri));
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }

        foreach (var variant in variants)
        {
            var playlistUri = new Uri(masterUri, variant.Uri);

            // Let a few segments accumulate so parts of complete segments and of the open one are listed.
            var text = await BlockingReloadAsync(client, playlistUri, await client.GetStringAsync(playlistUri), parts: 4);
            var playlist = LowLatencyPlaylist.Parse(text);
            playlist.AssertFollowsRules(reports: variants.Count - 1);

            // A blocking reload for the next part answers once it is published: within a few part targets,
            // well inside the 3 target durations the origin may hold it.
            var (msn, part) = playlist.NextPart;
            var clock = Stopwatch.StartNew();
            using var blocked = await client.GetAsync(new Uri(playlistUri, $"index.m3u8?_HLS_msn={msn}&_HLS_part={part}"));
            clock.Stop();
            Assert.Equal(HttpStatusCode.OK, blocked.StatusCode);
            var next = LowLatencyPlaylist.Parse(await blocked.Content.ReadAsStringAsync());
            next.AssertFollowsRules(reports: variants.Count - 1);
            // That part, or the first part of the next segment when the keyframe came first (§6.2.5.2).
            Assert.True(next.Contains(msn, part) || next.Contains(msn + 1, 0), $"neither {msn}.{part} nor {msn + 1}.0 in the answer");
            Assert.True(clock.Elapsed < TimeSpan.FromSeconds(3 * playlist.TargetDuration), $"blocked {clock.Elapsed}");

            // A complete segment is its parts back to back; parts are immutable.
            var segment = next.SegmentsWithParts[0];
            var whole = await client.GetByteArrayAsync(new Uri(playlistUri, $"{segment.Sequence}.m4s"));
            var joined = new List<byte>();
            foreach (var uri in segment.PartUris)
            {
                using var partResponse = await client.GetAsync(new Uri(playlistUri, uri));
                Assert.Equal(HttpStatusCode.OK, partResponse.StatusCode);
                Assert.Equal("public, max-age=31536000, immutable", partResponse.Headers.CacheControl!.ToString());
                var bytes = await partResponse.Content.ReadAsByteArrayAsync();
                Assert.Equal("moof"u8.ToArray(), bytes[4..8]);
                joined.AddRange(bytes);
            }

            Assert.Equal(whole, joined.ToArray());

            // Bad directives: 400 at once.
            using var bad = await client.GetAsync(new Uri(playlistUri, $"index.m3u8?_HLS_msn={msn + 10}"));
            Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        }

        // Delta update once the window is longer than the skip boundary (6 s): applied, equal to the full playlist.
        var first = new Uri(masterUri, variants[0].Uri);
        var deadline = Stopwatch.StartNew();
        string delta;
        while (!(delta = await client.GetStringAsync(new Uri(first, "index.m3u8?_HLS_skip=YES"))).Contains("#EXT-X-SKIP:", StringComparison.Ordinal)
            && deadline.Elapsed < TimeSpan.FromSeconds(20))
        {
            // Wait for the next segment with a blocking reload rather than a sleep.
            var current = LowLatencyPlaylist.Parse(delta);
            using var _ = await client.GetAsync(new Uri(first, $"index.m3u8?_HLS_msn={current.LastSegment + 1}"));
        }

        Assert.Contains("#EXT-X-SKIP:SKIPPED-SEGMENTS=", delta, StringComparison.Ordinal);
        Assert.Contains("#EXT-X-VERSION:9", delta, StringComparison.Ordinal);

        await publisher.KillAsync();
        Assert.Empty(host.Errors);
    }

    /// <summary>Follows the playlist with blocking reloads until <paramref name="parts"/> more parts were published.</summary>
    private static async Task<string> BlockingReloadAsync(HttpClient client, Uri playlistUri, string text, int parts)
    {
        for (var i = 0; i < parts; i++)
        {
            var (msn, part) = LowLatencyPlaylist.Parse(text).NextPart;
            text = await client.GetStringAsync(new Uri(playlistUri, $"index.m3u8?_HLS_msn={msn}&_HLS_part={part}"));
        }

        return text;
    }

    /// <summary>The LL-HLS view of a media playlist, with the RFC 8216bis rules a player relies on.</summary>
    private sealed class LowLatencyPlaylist
    {
        private readonly List<string> _lines;

        private LowLatencyPlaylist(List<string> lines) => _lines = lines;

        public double TargetDuration { get; private set; }

        public double PartTarget { get; private set; }

        public long LastSegment { get; private set; }

        public (long Sequence, int Part) NextPart { get; private set; }

        public List<(long Sequence, List<string> PartUris)> SegmentsWithParts { get; } = [];

        public static LowLatencyPlaylist Parse(string text)
        {
            var playlist = new LowLatencyPlaylist([.. text.TrimEnd('\n').Split('\n')]);
            var pending = new List<string>();
            foreach (var line in playlist._lines)
            {
                if (line.StartsWith("#EXT-X-TARGETDURATION:", StringComparison.Ordinal))
                {
                    playlist.TargetDuration = double.Parse(line[22..], CultureInfo.InvariantCulture);
                }
                else if (line.StartsWith("#EXT-X-PART-INF:", StringComparison.Ordinal))
                {
                    playlist.PartTarget = double.Parse(HlsPlaylists.ParseAttributes(line[16..])["PART-TARGET"], CultureInfo.InvariantCulture);
                }
                else if (line.StartsWith("#EXT-X-PART:", StringComparison.Ordinal))
                {
                    pending.Add(HlsPlaylists.ParseAttributes(line[12..])["URI"]);
                }
                else if (line.StartsWith("#EXT-X-PRELOAD-HINT:", StringComparison.Ordinal))
                {
                    var uri = HlsPlaylists.ParseAttributes(line[20..])["URI"].Split('.');
                    playlist.NextPart = (long.Parse(uri[0], CultureInfo.InvariantCulture), int.Parse(uri[1], CultureInfo.InvariantCulture));
                }
                else if (!line.StartsWith('#'))
                {
                    playlist.LastSegment = long.Parse(line[..^4], CultureInfo.InvariantCulture);
                    if (pending.Count > 0)
                    {
                        playlist.SegmentsWithParts.Add((playlist.LastSegment, pending));
                        pending = [];
                    }
                }
            }

            return playlist;
        }

        public bool Contains(long sequence, int part) =>
            _lines.Any(l => l.StartsWith("#EXT-X-PART:", StringComparison.Ordinal) && l.Contains($"URI=\"{sequence}.{part}.m4s\"", StringComparison.Ordinal));

        public void AssertFollowsRules(int reports)
        {
            // §4.4.3.7, §4.4.3.8: part target, blocking reload, skip boundary ≥ 6 target durations, part hold back ≥ 3 part targets.
            Assert.InRange(PartTarget, 0.1, 0.5);
            var control = HlsPlaylists.ParseAttributes(_lines.Single(l => l.StartsWith("#EXT-X-SERVER-CONTROL:", StringComparison.Ordinal))[22..]);
            Assert.Equal("YES", control["CAN-BLOCK-RELOAD"]);
            Assert.True(double.Parse(control["CAN-SKIP-UNTIL"], CultureInfo.InvariantCulture) >= 6 * TargetDuration);
            Assert.True(double.Parse(control["PART-HOLD-BACK"], CultureInfo.InvariantCulture) >= 3 * PartTarget - 0.001);

            // §4.4.4.9: each part at most PART-TARGET; a segment's first part starts with a keyframe.
            var parts = _lines.Where(l => l.StartsWith("#EXT-X-PART:", StringComparison.Ordinal)).ToList();
            Assert.NotEmpty(parts);
            foreach (var part in parts)
            {
                var attributes = HlsPlaylists.ParseAttributes(part[12..]);
                Assert.True(double.Parse(attributes["DURATION"], CultureInfo.InvariantCulture) <= PartTarget, part);
                if (attributes["URI"].EndsWith(".0.m4s", StringComparison.Ordinal))
                {
                    Assert.Equal("YES", attributes.GetValueOrDefault("INDEPENDENT"));
                }
            }

            // §4.4.5.3, §4.4.5.4: the next part is hinted; every other rendition is reported.
            Assert.Single(_lines, l => l.StartsWith("#EXT-X-PRELOAD-HINT:TYPE=PART,URI=", StringComparison.Ordinal));
            Assert.Equal(reports, _lines.Count(l => l.StartsWith("#EXT-X-RENDITION-REPORT:URI=\"../", StringComparison.Ordinal)));
            Assert.True(SegmentsWithParts.Count >= 1);
        }
    }
}
