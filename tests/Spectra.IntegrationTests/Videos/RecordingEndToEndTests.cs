using System.Net;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Spectra.Media.Live;
using Spectra.Testing;
using Spectra.Testing.Live;
using Spectra.Testing.Storage;

namespace Spectra.IntegrationTests.Videos;

/// <summary>
/// Recording with real ffmpeg publishing over RTMP, the test ladder (source + 240p) and a 3 s grace: a broadcast
/// becomes one past broadcast whose every rendition plays from start to end, on local disk and on S3; a
/// publisher reconnect and a killed transcoder stay in one video.
/// </summary>
public sealed class RecordingEndToEndTests
{
    private static readonly TimeSpan LiveWithin = TimeSpan.FromSeconds(40);
    private static readonly TimeSpan OfflineWithin = TimeSpan.FromSeconds(60);
    private static readonly TimeSpan ReadyWithin = TimeSpan.FromSeconds(60);

    [Theory]
    [InlineData("local")]
    [InlineData("s3")]
    public async Task Broadcast_Ends_EveryRenditionPlaysAsVodAndDownloadsAsMp4(string storage)
    {
        var settings = new Dictionary<string, string?>();
        if (storage == "s3")
        {
            var s3 = await S3TestServer.GetAsync();
            foreach (var (key, value) in s3.HostSettings(await s3.CreateBucketAsync()))
            {
                settings[key] = value;
            }
        }

        await using var host = await LiveHost.StartAsync(settings);
        using var events = new LiveEventRecorder(host);
        var grace = await host.CreateStreamerAsync("grace");
        using var client = host.CreateClient();

        await using (var publisher = ExternalProcess.FfmpegPublish(host.RtmpUrl(grace.StreamKey), seconds: 12, size: "640x360"))
        {
            await events.WaitForOnlineAsync(grace.ChannelId, LiveWithin);
            await events.WaitForOfflineAsync(grace.ChannelId, OfflineWithin);
        }

        var video = await RecordedVideos.WaitForReadyVideoAsync(client, "grace", ReadyWithin);
        Assert.Equal("public", video.GetProperty("visibility").GetString());
        Assert.InRange(video.GetProperty("durationSeconds").GetDouble(), 10.5, 13.5);

        // Every rendition: a VOD playlist that decodes from start to end, 12 s within a segment (1 s GOPs).
        var durations = await RecordedVideos.AssertEveryRenditionPlaysAsync(client, host.BaseAddress, video.GetProperty("playlistUrl").GetString()!);
        Assert.Equal(["240p", "source"], durations.Keys.Order(StringComparer.Ordinal));
        Assert.All(durations.Values, d => Assert.InRange(d, 10.5, 13.5));

        // The MP4 download of a rendition is the same media, copied: it decodes, with the same duration.
        var id = video.GetProperty("id").GetGuid();
        var mp4 = Path.Combine(host.DataDirectory, "download.mp4");
        await File.WriteAllBytesAsync(mp4, await client.GetByteArrayAsync($"/videos/{id:N}/download/240p.mp4"));
        var (exit, _, error) = await ExternalProcess.RunAsync("ffmpeg", ["-hide_banner", "-nostdin", "-v", "error", "-i", mp4, "-f", "null", "-"], TimeSpan.FromSeconds(60));
        Assert.True(exit == 0 && error.Trim().Length == 0, error);
        Assert.InRange(await RecordedVideos.ProbeDurationAsync(mp4), durations["240p"] - 0.5, durations["240p"] + 0.5);

        // A poster: a JPEG picture of the video, made when it closed.
        var poster = await client.GetAsync($"/vod/{id:N}/poster.jpg");
        Assert.Equal("image/jpeg", poster.Content.Headers.ContentType?.MediaType);
        var jpeg = await poster.Content.ReadAsByteArrayAsync();
        Assert.True(jpeg.Length > 1000 && jpeg[0] == 0xFF && jpeg[1] == 0xD8, "a JPEG image");

        // The pages: the video's own and the channel's Videos tab link to it.
        var page = await client.GetStringAsync($"/videos/{id:N}");
        Assert.Contains(video.GetProperty("title").GetString()!, WebUtility.HtmlDecode(page), StringComparison.Ordinal);
        Assert.Contains($"/vod/{id:N}/master.m3u8", page, StringComparison.Ordinal);
        Assert.Contains($"/videos/{id:N}", await client.GetStringAsync("/grace/videos"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Broadcast_PublisherReconnectsWithinGrace_OneVideo()
    {
        await using var host = await LiveHost.StartAsync();
        using var events = new LiveEventRecorder(host);
        var heidi = await host.CreateStreamerAsync("heidi");
        using var client = host.CreateClient();

        await using (var first = ExternalProcess.FfmpegPublish(host.RtmpUrl(heidi.StreamKey), seconds: 6, size: "640x360"))
        {
            await events.WaitForOnlineAsync(heidi.ChannelId, LiveWithin);
            Assert.Equal(0, await first.WaitForExitAsync(TimeSpan.FromSeconds(30)));
        }

        // Back within the 3 s grace: the same session goes on.
        await using (var second = ExternalProcess.FfmpegPublish(host.RtmpUrl(heidi.StreamKey), seconds: 6, size: "640x360"))
        {
            await events.WaitForOfflineAsync(heidi.ChannelId, OfflineWithin);
        }

        Assert.Single(events.Events.OfType<Server.Events.StreamOnline>());
        var video = await RecordedVideos.WaitForReadyVideoAsync(client, "heidi", ReadyWithin);
        var videos = await client.GetStringAsync("/api/v1/channels/heidi/videos");
        Assert.Equal(1, JsonDocument.Parse(videos).RootElement.GetArrayLength());
        var durations = await RecordedVideos.AssertEveryRenditionPlaysAsync(client, host.BaseAddress, video.GetProperty("playlistUrl").GetString()!);
        Assert.All(durations.Values, d => Assert.InRange(d, 9.5, 14));
    }

    [Fact]
    public async Task Broadcast_TranscoderKilled_OneVideoWithDiscontinuity()
    {
        await using var host = await LiveHost.StartAsync();
        host.ExpectedError = e => e.Message.Contains("ffmpeg", StringComparison.OrdinalIgnoreCase);
        using var events = new LiveEventRecorder(host);
        var ivan = await host.CreateStreamerAsync("ivan");
        using var client = host.CreateClient();

        await using (var publisher = ExternalProcess.FfmpegPublish(host.RtmpUrl(ivan.StreamKey), seconds: 16, size: "640x360"))
        {
            await events.WaitForOnlineAsync(ivan.ChannelId, LiveWithin);
            await Task.Delay(TimeSpan.FromSeconds(3));
            var manager = host.Services.GetRequiredService<LiveStreamManager>();
            Assert.True(manager.TryGet("ivan", out var stream));
            var pid = Assert.IsType<int>(stream.TranscoderProcessId);
            System.Diagnostics.Process.GetProcessById(pid).Kill();
            await events.WaitForOfflineAsync(ivan.ChannelId, OfflineWithin);
        }

        var video = await RecordedVideos.WaitForReadyVideoAsync(client, "ivan", ReadyWithin);
        var id = video.GetProperty("id").GetGuid();
        var rung = await client.GetStringAsync($"/vod/{id:N}/240p/index.m3u8");
        Assert.Contains("#EXT-X-DISCONTINUITY", rung, StringComparison.Ordinal);
        Assert.True(rung.Split("#EXT-X-MAP:").Length >= 3, "each transcoder generation names its own init segment");
        var durations = await RecordedVideos.AssertEveryRenditionPlaysAsync(client, host.BaseAddress, video.GetProperty("playlistUrl").GetString()!);
        Assert.InRange(durations["source"], 14.5, 17.5);
        Assert.InRange(durations["240p"], 8, 17.5);
    }

    [Fact]
    public async Task Vod_PrivateVideo_OnlyItsOwnerSeesAndPlaysIt()
    {
        await using var host = await LiveHost.StartAsync();
        using var events = new LiveEventRecorder(host);
        var judy = await host.CreateStreamerAsync("judy");
        using var anonymous = host.CreateClient();
        using var owner = host.CreateClient(judy.Token);
        using var other = host.CreateClient((await host.CreateStreamerAsync("mallory")).Token);

        await using (var publisher = ExternalProcess.FfmpegPublish(host.RtmpUrl(judy.StreamKey), seconds: 5, size: "320x180"))
        {
            await events.WaitForOnlineAsync(judy.ChannelId, LiveWithin);
            await events.WaitForOfflineAsync(judy.ChannelId, OfflineWithin);
        }

        var video = await RecordedVideos.WaitForReadyVideoAsync(anonymous, "judy", ReadyWithin);
        var id = video.GetProperty("id").GetGuid();
        var master = $"/vod/{id:N}/master.m3u8";
        Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync(master)).StatusCode);

        // Bad input: an unknown visibility and an empty title are refused, nothing changes.
        var bad = await owner.PatchAsync($"/api/v1/videos/{id}", JsonContent("""{"visibility":"secret","title":" "}"""));
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        var problem = await bad.Content.ReadAsStringAsync();
        Assert.Contains("visibility", problem, StringComparison.Ordinal);
        Assert.Contains("title", problem, StringComparison.Ordinal);

        var patched = await owner.PatchAsync($"/api/v1/videos/{id}", JsonContent("""{"visibility":"private","title":"Behind the scenes"}"""));
        Assert.Equal(HttpStatusCode.OK, patched.StatusCode);

        // Others: not listed, not found, not playable, not deletable; the owner: all of it.
        Assert.Equal("[]", await anonymous.GetStringAsync("/api/v1/channels/judy/videos"));
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync($"/api/v1/videos/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync(master)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync($"/videos/{id:N}")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.DeleteAsync($"/api/v1/videos/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await other.DeleteAsync($"/api/v1/videos/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync(master)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await other.PatchAsync($"/api/v1/videos/{id}", JsonContent("""{"visibility":"public"}"""))).StatusCode);
        Assert.Contains("Behind the scenes", await owner.GetStringAsync($"/api/v1/videos/{id}"), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await owner.GetAsync(master)).StatusCode);

        // The owner's player reads the segments; no shared cache may keep them.
        var media = HlsPlaylists.ParseMedia(await owner.GetStringAsync($"/vod/{id:N}/source/index.m3u8"));
        var segment = await owner.GetAsync($"/vod/{id:N}/source/{media.Segments[0]}");
        Assert.Equal(HttpStatusCode.OK, segment.StatusCode);
        Assert.True(segment.Headers.CacheControl?.Private, "a private video's segments are not for shared caches");
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync($"/vod/{id:N}/source/{media.Segments[0]}")).StatusCode);

        // Deleting removes the video and every stored object of it.
        Assert.Equal(HttpStatusCode.NoContent, (await owner.DeleteAsync($"/api/v1/videos/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await owner.GetAsync(master)).StatusCode);
        Assert.False(Directory.Exists(Path.Combine(host.DataDirectory, "recordings", id.ToString("N"))) &&
            Directory.EnumerateFiles(Path.Combine(host.DataDirectory, "recordings", id.ToString("N")), "*", SearchOption.AllDirectories).Any());
    }

    [Fact]
    public async Task Vod_SegmentNamesNotInTheJournal_NotFound()
    {
        await using var host = await LiveHost.StartAsync();
        using var events = new LiveEventRecorder(host);
        var kim = await host.CreateStreamerAsync("kim");
        using var client = host.CreateClient();
        await using (var publisher = ExternalProcess.FfmpegPublish(host.RtmpUrl(kim.StreamKey), seconds: 4, size: "320x180"))
        {
            await events.WaitForOnlineAsync(kim.ChannelId, LiveWithin);
            await events.WaitForOfflineAsync(kim.ChannelId, OfflineWithin);
        }

        var video = await RecordedVideos.WaitForReadyVideoAsync(client, "kim", ReadyWithin);
        var id = video.GetProperty("id").GetGuid();
        foreach (var path in new[]
        {
            $"/vod/{id:N}/source/..%2F..%2Frecording.json", $"/vod/{id:N}/source/journal-000000.json", $"/vod/{id:N}/source/1.m4s",
            $"/vod/{id:N}/source/-1.m4s", $"/vod/{id:N}/nope/index.m3u8", $"/vod/{id:N}/source/init-..%2F..mp4", $"/vod/{Guid.NewGuid():N}/master.m3u8",
            $"/videos/{id:N}/download/nope.mp4",
        })
        {
            Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync(path)).StatusCode);
        }
    }

    private static StringContent JsonContent(string json) => new(json, System.Text.Encoding.UTF8, "application/json");
}
