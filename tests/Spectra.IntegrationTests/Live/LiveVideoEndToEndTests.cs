using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Spectra.Data;
using Spectra.Media.Hls;
using Spectra.Testing;
using Spectra.Testing.Live;

namespace Spectra.IntegrationTests.Live;

/// <summary>
/// Real ffmpeg publishing over RTMP on loopback into a real server: transcoding, packaging, the HLS origin,
/// live state in the database, the REST API and the pages.
/// </summary>
public sealed class LiveVideoEndToEndTests
{
    private static readonly TimeSpan LiveWithin = TimeSpan.FromSeconds(40);

    [Theory]
    [InlineData(DatabaseKind.Sqlite)]
    [InlineData(DatabaseKind.Postgres)]
    public async Task Publish_FfmpegStream_GoesLiveServesValidHlsThenGoesOfflineAfterGrace(DatabaseKind database)
    {
        await using var host = await LiveHost.StartAsync(new Dictionary<string, string?> { ["Hls:EndedStreamLinger"] = "00:00:05" }, database);
        using var events = new LiveEventRecorder(host);
        var alice = await host.CreateStreamerAsync("alice");
        using var client = host.CreateClient();

        await using var publisher = ExternalProcess.FfmpegPublish(host.RtmpUrl(alice.StreamKey), seconds: 14);
        var online = await events.WaitForOnlineAsync(alice.ChannelId, LiveWithin);
        Assert.NotNull(online.StreamSessionId);

        // Live state: database, REST API, pages.
        var session = await FindSessionAsync(host, online.StreamSessionId!.Value);
        Assert.Null(session.EndedAt);
        Assert.Equal(alice.ChannelId, session.ChannelId);
        var dto = await client.GetFromJsonAsync<JsonElement>("/api/v1/channels/alice");
        Assert.True(dto.GetProperty("isLive").GetBoolean());
        Assert.Equal(online.StreamSessionId.Value, dto.GetProperty("liveSession").GetProperty("id").GetGuid());
        var home = await client.GetStringAsync("/");
        Assert.Contains("data-channel=\"alice\"", home, StringComparison.Ordinal);
        var channelPage = await client.GetStringAsync("/alice");
        Assert.Contains("data-state=\"live\"", channelPage, StringComparison.Ordinal);
        var chatSessions = host.Services.GetRequiredService<Spectra.Server.Chat.IChatSessionResolver>();
        Assert.Equal(online.StreamSessionId, await chatSessions.GetLiveSessionAsync(alice.ChannelId, CancellationToken.None));

        // Master playlist: every rendition with the attributes players need (RFC 8216 §4.3.4.2).
        var masterUri = new Uri(host.BaseAddress, "/hls/alice/master.m3u8");
        var variants = HlsPlaylists.ParseMaster(await client.GetStringAsync(masterUri));
        Assert.True(variants.Count >= 2, "expected the source passthrough and the 240p rendition");
        var sizes = new List<string>();
        foreach (var variant in variants)
        {
            foreach (var attribute in new[] { "BANDWIDTH", "AVERAGE-BANDWIDTH", "RESOLUTION", "CODECS", "FRAME-RATE" })
            {
                Assert.True(variant.Attributes.ContainsKey(attribute), $"{variant.Uri} lacks {attribute}");
            }

            // Media playlist and one segment of each rendition decode with the advertised size.
            var playlistUri = new Uri(masterUri, variant.Uri);
            var playlist = HlsPlaylists.ParseMedia(await client.GetStringAsync(playlistUri));
            Assert.NotNull(playlist.MapUri);
            Assert.NotEmpty(playlist.Segments);
            var video = await HlsPlaylists.ProbeSegmentAsync(client, playlistUri, playlist, playlist.Segments[^1]);
            var size = $"{video.GetProperty("width").GetInt32()}x{video.GetProperty("height").GetInt32()}";
            Assert.Equal(variant.Attributes["RESOLUTION"], size);
            Assert.Equal("h264", video.GetProperty("codec_name").GetString());
            sizes.Add(size);
        }

        Assert.Contains("1280x720", sizes);
        Assert.Contains(sizes, s => s.EndsWith("x240", StringComparison.Ordinal));

        // Playlists advance while the publisher streams.
        await AssertPlaylistAdvancesAsync(host, client, masterUri, variants[0]);

        // The publisher finishes: offline only after the grace (3 s in tests), session ended with its ingest facts.
        Assert.Equal(0, await publisher.WaitForExitAsync(TimeSpan.FromSeconds(40)));
        var stoppedAt = DateTime.UtcNow;
        var offline = await events.WaitForOfflineAsync(alice.ChannelId, TimeSpan.FromSeconds(20));
        Assert.True(offline.At - stoppedAt >= TimeSpan.FromSeconds(2.5), $"offline {offline.At - stoppedAt} after the publisher left");
        Assert.Equal(online.StreamSessionId, offline.StreamSessionId);

        session = await FindSessionAsync(host, online.StreamSessionId.Value);
        Assert.NotNull(session.EndedAt);
        Assert.Equal("publisher-left", session.EndReason);
        Assert.StartsWith("avc1", session.VideoCodec, StringComparison.Ordinal);
        Assert.Equal(1280, session.Width);
        Assert.Equal(720, session.Height);
        Assert.Equal(0, session.Reconnects);

        dto = await client.GetFromJsonAsync<JsonElement>("/api/v1/channels/alice");
        Assert.False(dto.GetProperty("isLive").GetBoolean());
        Assert.Null(await chatSessions.GetLiveSessionAsync(alice.ChannelId, CancellationToken.None));

        // The ended stream's playlists end with EXT-X-ENDLIST for the linger (5 s here), then its URLs are gone.
        var mediaUri = new Uri(masterUri, variants[0].Uri);
        Assert.Equal("#EXT-X-ENDLIST", (await client.GetStringAsync(mediaUri)).TrimEnd('\n').Split('\n')[^1]);
        var gone = DateTime.UtcNow.AddSeconds(30);
        HttpStatusCode status;
        while ((status = (await client.GetAsync(masterUri)).StatusCode) == HttpStatusCode.OK && DateTime.UtcNow < gone)
        {
            await Task.Delay(250); // The linger is a timer inside the origin; its only outside sign is the 404.
        }

        Assert.Equal(HttpStatusCode.NotFound, status);
        Assert.Empty(host.Errors);
    }

    [Fact]
    public async Task Publish_ReconnectWithinGrace_ResumesSameSession()
    {
        await using var host = await LiveHost.StartAsync(new Dictionary<string, string?> { ["Live:OfflineGrace"] = "00:00:08" });
        using var events = new LiveEventRecorder(host);
        var bob = await host.CreateStreamerAsync("bob");
        using var client = host.CreateClient();

        await using var first = ExternalProcess.FfmpegPublish(host.RtmpUrl(bob.StreamKey), seconds: 60, size: "640x360");
        var online = await events.WaitForOnlineAsync(bob.ChannelId, LiveWithin);

        // The encoder vanishes (no unpublish) and comes back with the same key within the grace.
        await first.KillAsync();
        await using var second = ExternalProcess.FfmpegPublish(host.RtmpUrl(bob.StreamKey), seconds: 60, size: "640x360");
        var masterUri = new Uri(host.BaseAddress, "/hls/bob/master.m3u8");
        var variants = HlsPlaylists.ParseMaster(await client.GetStringAsync(masterUri));
        await AssertPlaylistAdvancesAsync(host, client, masterUri, variants[0]);
        Assert.False(second.HasExited, second.StandardError);
        Assert.DoesNotContain(events.Events, e => e is Spectra.Server.Events.StreamOffline);

        var live = host.Services.GetRequiredService<Spectra.Server.Live.LiveSessionManager>();
        Assert.True(live.TryGetStatus(bob.ChannelId, out var status));
        Assert.True(status.Publishing);
        Assert.Equal(1, status.Reconnects);
        Assert.Equal(online.StreamSessionId, status.SessionId);

        // Gone for longer than the grace: the one session ends.
        await second.KillAsync();
        var offline = await events.WaitForOfflineAsync(bob.ChannelId, TimeSpan.FromSeconds(30));
        Assert.Equal(online.StreamSessionId, offline.StreamSessionId);
        var session = await FindSessionAsync(host, online.StreamSessionId!.Value);
        Assert.Equal(1, session.Reconnects);
        Assert.NotNull(session.EndedAt);
        Assert.Single(events.Events, e => e is Spectra.Server.Events.StreamOnline);
        Assert.Empty(host.Errors);
    }

    [Fact]
    public async Task Publish_UnknownKey_RejectedWithoutSideEffects()
    {
        await using var host = await LiveHost.StartAsync();
        await host.CreateStreamerAsync("carol");

        await using var publisher = ExternalProcess.FfmpegPublish(host.RtmpUrl("live_NotAKeyOfAnyChannel000000000000"), seconds: 10, size: "320x240");
        var exit = await publisher.WaitForExitAsync(TimeSpan.FromSeconds(20));

        Assert.NotEqual(0, exit);
        var live = host.Services.GetRequiredService<Spectra.Server.Live.LiveSessionManager>();
        Assert.Empty(live.GetStatuses());
        await using var scope = host.Services.CreateAsyncScope();
        Assert.Equal(0, await scope.ServiceProvider.GetRequiredService<SpectraDbContext>().StreamSessions.CountAsync());
        Assert.Empty(host.Errors);
    }

    [Fact]
    public async Task Publish_SecondPublisherSameKey_RejectedAndFirstKeepsStreaming()
    {
        await using var host = await LiveHost.StartAsync();
        using var events = new LiveEventRecorder(host);
        var dave = await host.CreateStreamerAsync("dave");
        using var client = host.CreateClient();
        await using var first = ExternalProcess.FfmpegPublish(host.RtmpUrl(dave.StreamKey), seconds: 60, size: "640x360");
        await events.WaitForOnlineAsync(dave.ChannelId, LiveWithin);

        await using var second = ExternalProcess.FfmpegPublish(host.RtmpUrl(dave.StreamKey), seconds: 10, size: "640x360");
        Assert.NotEqual(0, await second.WaitForExitAsync(TimeSpan.FromSeconds(20)));

        Assert.False(first.HasExited, first.StandardError);
        var masterUri = new Uri(host.BaseAddress, "/hls/dave/master.m3u8");
        var variants = HlsPlaylists.ParseMaster(await client.GetStringAsync(masterUri));
        await AssertPlaylistAdvancesAsync(host, client, masterUri, variants[0]);
        Assert.DoesNotContain(events.Events, e => e is Spectra.Server.Events.StreamOffline);
        Assert.Empty(host.Errors);
    }

    [Fact]
    public async Task Publish_BeyondConcurrentStreamCap_RefusedWithClearErrorAndLogged()
    {
        await using var host = await LiveHost.StartAsync(new Dictionary<string, string?> { ["Live:MaxConcurrentStreams"] = "1" });
        using var events = new LiveEventRecorder(host);
        var fay = await host.CreateStreamerAsync("fay");
        var gus = await host.CreateStreamerAsync("gus");
        await using var first = ExternalProcess.FfmpegPublish(host.RtmpUrl(fay.StreamKey), seconds: 60, size: "320x240");
        await events.WaitForOnlineAsync(fay.ChannelId, LiveWithin);

        await using var second = ExternalProcess.FfmpegPublish(host.RtmpUrl(gus.StreamKey), seconds: 10, size: "320x240");

        Assert.NotEqual(0, await second.WaitForExitAsync(TimeSpan.FromSeconds(20)));
        Assert.Contains("limit of 1 live streams", second.StandardError, StringComparison.Ordinal);
        Assert.False(first.HasExited, first.StandardError);
        var live = host.Services.GetRequiredService<Spectra.Server.Live.LiveSessionManager>();
        Assert.Single(live.GetStatuses());
        Assert.Empty(host.Errors);
    }

    [Fact]
    public async Task Publish_GStreamerRtmp2Sink_GoesLive()
    {
        await using var host = await LiveHost.StartAsync();
        using var events = new LiveEventRecorder(host);
        var erin = await host.CreateStreamerAsync("erin");

        await using var gst = ExternalProcess.Start("gst-launch-1.0",
        [
            "-q", "flvmux", "name=mux", "streamable=true", "!", "rtmp2sink", $"location={host.RtmpUrl(erin.StreamKey)}",
            "videotestsrc", "is-live=true", "num-buffers=900", "!", "video/x-raw,width=640,height=360,framerate=30/1", "!",
            "x264enc", "tune=zerolatency", "speed-preset=ultrafast", "key-int-max=30", "!", "h264parse", "!", "mux.",
            "audiotestsrc", "is-live=true", "!", "audioconvert", "!", "voaacenc", "!", "aacparse", "!", "mux.",
        ]);
        var online = await events.WaitForOnlineAsync(erin.ChannelId, LiveWithin);

        using var client = host.CreateClient();
        var masterUri = new Uri(host.BaseAddress, "/hls/erin/master.m3u8");
        var variants = HlsPlaylists.ParseMaster(await client.GetStringAsync(masterUri));
        Assert.Contains(variants, v => v.Attributes["RESOLUTION"] == "640x360");

        await gst.KillAsync();
        await events.WaitForOfflineAsync(erin.ChannelId, TimeSpan.FromSeconds(20));
        var session = await FindSessionAsync(host, online.StreamSessionId!.Value);
        Assert.Equal(640, session.Width);
        Assert.Equal(360, session.Height);
        Assert.StartsWith("avc1", session.VideoCodec, StringComparison.Ordinal);
        Assert.Equal("mp4a.40.2", session.AudioCodec);
        Assert.Empty(host.Errors);
    }

    internal static async Task<Spectra.Data.Entities.Live.StreamSession> FindSessionAsync(LiveHost host, Guid sessionId)
    {
        await using var scope = host.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<SpectraDbContext>();
        return await db.StreamSessions.AsNoTracking().SingleAsync(s => s.Id == sessionId);
    }

    /// <summary>Waits (on the live window, not a timer) for two more segments and checks the playlist moved on.</summary>
    internal static async Task AssertPlaylistAdvancesAsync(LiveHost host, HttpClient client, Uri masterUri, HlsPlaylists.Variant variant)
    {
        var playlistUri = new Uri(masterUri, variant.Uri);
        var before = HlsPlaylists.ParseMedia(await client.GetStringAsync(playlistUri));
        var channel = masterUri.Segments[^2].TrimEnd('/');
        var registry = host.Services.GetRequiredService<HlsStreamRegistry>();
        Assert.True(registry.TryGet(channel, out var stream));
        var rendition = stream.Renditions.Single(r => variant.Uri.StartsWith(r.Info.Name + "/", StringComparison.Ordinal));
        var latest = rendition.Window.LatestSegment!.Sequence;
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        await rendition.Window.WaitForSequenceAsync(latest + 2, cts.Token);

        var after = HlsPlaylists.ParseMedia(await client.GetStringAsync(playlistUri));
        Assert.NotEqual(before.Segments[^1], after.Segments[^1]);
        Assert.True(after.MediaSequence >= before.MediaSequence);
        Assert.True(long.Parse(Path.GetFileNameWithoutExtension(after.Segments[^1]), CultureInfo.InvariantCulture)
            > long.Parse(Path.GetFileNameWithoutExtension(before.Segments[^1]), CultureInfo.InvariantCulture));
    }
}
