using Microsoft.Extensions.DependencyInjection;
using Spectra.Storage;
using Spectra.Testing.Live;
using Spectra.Testing.Storage;

namespace Spectra.IntegrationTests.Videos;

/// <summary>Storage failing in the middle of a recorded broadcast (writes refused for 3 s).</summary>
public sealed class RecordingStorageFailureTests
{
    [Fact]
    public async Task StorageFailsMidStream_LiveUnaffected_RecordingMarksGapAndResumes()
    {
        await using var host = await LiveHost.StartAsync(configure: FaultyObjectStore.Install);
        var store = Assert.IsType<FaultyObjectStore>(host.Services.GetRequiredService<IObjectStore>());
        using var events = new LiveEventRecorder(host);
        var nina = await host.CreateStreamerAsync("nina");
        using var client = host.CreateClient();
        var recording = host.Services.GetRequiredService<Server.Videos.RecordingState>();

        int storedBefore;
        long liveBefore, liveAfter;
        await using (var publisher = ExternalProcess.FfmpegPublish(host.RtmpUrl(nina.StreamKey), seconds: 16, size: "640x360"))
        {
            var online = await events.WaitForOnlineAsync(nina.ChannelId, TimeSpan.FromSeconds(40));
            await Task.Delay(TimeSpan.FromSeconds(3));
            liveBefore = await LiveSegmentCountAsync(client);
            store.FailWrites = true;
            await Task.Delay(TimeSpan.FromSeconds(3));
            storedBefore = store.RefusedWrites;

            // Viewers see nothing of it: the live playlist went on growing; the dashboard's status names the gap.
            liveAfter = await LiveSegmentCountAsync(client);
            var status = recording.Find(online.StreamSessionId!.Value);
            Assert.NotNull(status);
            Assert.True(status.SegmentsLost > 0, "segments lost are counted");
            Assert.Contains("no space left", status.LastError, StringComparison.Ordinal);
            store.FailWrites = false;
            await events.WaitForOfflineAsync(nina.ChannelId, TimeSpan.FromSeconds(60));
        }

        Assert.True(storedBefore > 0, "the recorder tried to write while storage failed");
        Assert.True(liveAfter > liveBefore, $"the live playlist kept advancing ({liveBefore} → {liveAfter} segments)");

        // The video plays across the gap: a discontinuity where segments are missing, the rest recorded.
        var video = await RecordedVideos.WaitForReadyVideoAsync(client, "nina", TimeSpan.FromSeconds(60));
        var id = video.GetProperty("id").GetGuid();
        Assert.Contains("#EXT-X-DISCONTINUITY", await client.GetStringAsync($"/vod/{id:N}/source/index.m3u8"), StringComparison.Ordinal);
        var durations = await RecordedVideos.AssertEveryRenditionPlaysAsync(client, host.BaseAddress, video.GetProperty("playlistUrl").GetString()!);
        Assert.All(durations.Values, d => Assert.InRange(d, 6, 14.5));
    }

    /// <summary>How many segments the live source playlist has had so far (its last media sequence number).</summary>
    private static async Task<long> LiveSegmentCountAsync(HttpClient client)
    {
        var playlist = HlsPlaylists.ParseMedia(await client.GetStringAsync("/hls/nina/source/index.m3u8"));
        return playlist.MediaSequence + playlist.Segments.Count;
    }
}
