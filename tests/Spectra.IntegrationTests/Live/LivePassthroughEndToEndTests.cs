using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using Spectra.Media.Live;
using Spectra.Testing.Live;

namespace Spectra.IntegrationTests.Live;

/// <summary>
/// <c>Transcoding:Mode=passthrough</c> with a real ffmpeg publishing over RTMP: the source rendition is
/// packaged in-process and the server starts no child process at all. The test counts this process's
/// children, so it runs alone (other live tests start ffmpeg publishers and transcoders in this process).
/// </summary>
[Collection(LivePassthroughEndToEndTests.Isolated)]
public sealed class LivePassthroughEndToEndTests
{
    public const string Isolated = "No parallel child processes";

    private static readonly TimeSpan LiveWithin = TimeSpan.FromSeconds(40);

    [Fact]
    public async Task Publish_PassthroughMode_ServesValidSourceOnlyHlsWithoutChildProcess()
    {
        await using var host = await LiveHost.StartAsync(new Dictionary<string, string?> { ["Transcoding:Mode"] = "passthrough" });
        using var events = new LiveEventRecorder(host);
        var frank = await host.CreateStreamerAsync("frank");
        using var client = host.CreateClient();
        var childrenBefore = ChildProcesses();

        await using var publisher = ExternalProcess.FfmpegPublish(host.RtmpUrl(frank.StreamKey), seconds: 12, size: "640x360");
        await events.WaitForOnlineAsync(frank.ChannelId, LiveWithin);

        // One rendition, the source, with the attributes players need.
        var masterUri = new Uri(host.BaseAddress, "/hls/frank/master.m3u8");
        var variant = Assert.Single(HlsPlaylists.ParseMaster(await client.GetStringAsync(masterUri)));
        Assert.StartsWith("source/", variant.Uri, StringComparison.Ordinal);
        Assert.Equal("640x360", variant.Attributes["RESOLUTION"]);
        Assert.Matches("^avc1\\.[0-9a-f]{6},mp4a\\.40\\.2$", variant.Attributes["CODECS"]);
        await LiveVideoEndToEndTests.AssertPlaylistAdvancesAsync(host, client, masterUri, variant);

        // While live, the only children of this process are the publisher (and whatever ran before the stream).
        var manager = host.Services.GetRequiredService<LiveStreamManager>();
        Assert.True(manager.TryGet("frank", out var stream));
        Assert.Null(stream.TranscoderProcessId);
        var children = ChildProcesses();
        children.ExceptWith(childrenBefore);
        children.Remove(publisher.Id);
        Assert.True(children.Count == 0, "unexpected child processes: " + string.Join(", ", children.Select(Describe)));

        // The media playlist follows RFC 8216 and its segments decode.
        var playlistUri = new Uri(masterUri, variant.Uri);
        var playlist = HlsPlaylists.ParseMedia(await client.GetStringAsync(playlistUri));
        Assert.Contains("#EXT-X-VERSION:7", playlist.Lines);
        Assert.NotNull(playlist.MapUri);
        Assert.True(playlist.Segments.Count >= 2);
        var durations = playlist.Lines.Where(l => l.StartsWith("#EXTINF:", StringComparison.Ordinal))
            .Select(l => double.Parse(l["#EXTINF:".Length..].TrimEnd(','), CultureInfo.InvariantCulture)).ToList();
        Assert.All(durations, d => Assert.True(Math.Round(d) <= playlist.TargetDuration, $"EXTINF {d} above the target {playlist.TargetDuration}"));
        Assert.All(durations, d => Assert.InRange(d, 0.5, 1.5)); // one 1 s GOP per segment
        foreach (var segment in playlist.Segments)
        {
            var video = await HlsPlaylists.ProbeSegmentAsync(client, playlistUri, playlist, segment);
            Assert.Equal(("h264", 640, 360), (video.GetProperty("codec_name").GetString(), video.GetProperty("width").GetInt32(), video.GetProperty("height").GetInt32()));
            Assert.True(int.Parse(video.GetProperty("nb_read_frames").GetString()!, CultureInfo.InvariantCulture) >= 15);
        }

        // ffmpeg's own HLS demuxer reads the whole playlist (init, segments, both tracks) without an error.
        var (exit, output, error) = await ExternalProcess.RunAsync(
            "ffprobe",
            ["-v", "error", "-show_entries", "stream=codec_name", "-of", "csv=p=0", playlistUri.ToString()],
            TimeSpan.FromSeconds(30));
        Assert.True(exit == 0 && string.IsNullOrWhiteSpace(error), $"ffprobe on the playlist: {error}");
        // (Streams are listed once per HLS program and once on their own.)
        Assert.Equal(["h264", "aac"], output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Distinct());

        Assert.Equal(0, await publisher.WaitForExitAsync(TimeSpan.FromSeconds(40)));
        await events.WaitForOfflineAsync(frank.ChannelId, TimeSpan.FromSeconds(20));
        Assert.Equal("#EXT-X-ENDLIST", (await client.GetStringAsync(playlistUri)).TrimEnd('\n').Split('\n')[^1]);
        Assert.Empty(host.Errors);
    }

    /// <summary>Ids of this process's direct children (Linux: /proc/self/task/*/children).</summary>
    private static HashSet<int> ChildProcesses()
    {
        var children = new HashSet<int>();
        foreach (var task in Directory.EnumerateDirectories("/proc/self/task"))
        {
            try
            {
                foreach (var id in File.ReadAllText(Path.Combine(task, "children")).Split(' ', StringSplitOptions.RemoveEmptyEntries))
                {
                    children.Add(int.Parse(id, CultureInfo.InvariantCulture));
                }
            }
            catch (IOException)
            {
                // The thread ended while listing.
            }
        }

        return children;
    }

    private static string Describe(int pid)
    {
        try
        {
            return $"{pid} {File.ReadAllText($"/proc/{pid}/cmdline").Replace('\0', ' ')}";
        }
        catch (IOException)
        {
            return $"{pid} (gone)";
        }
    }
}
