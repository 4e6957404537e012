using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Spectra.Testing.Live;
using Spectra.Media.Live;

namespace Spectra.IntegrationTests.Live;

/// <summary>Stream health as the creator sees it: /api/v1/channels/{name}/health with real publishers.</summary>
public sealed class StreamHealthTests
{
    [Fact]
    public async Task Health_UnsupportedVideoAndAudioOnly_WarnWhileOtherChannelGoesLive()
    {
        await using var host = await LiveHost.StartAsync();
        using var events = new LiveEventRecorder(host);
        var spark = await host.CreateStreamerAsync("spark");
        var radio = await host.CreateStreamerAsync("radio");
        var good = await host.CreateStreamerAsync("good");
        var sampled = WaitForHealth(host, "spark", "radio");

        // Sorenson Spark (FLV video codec 2) stands for every non-H.264 codec: Debian's ffmpeg 5.1 cannot put
        // H.265 into FLV, and Spectra treats both the same way (nothing to transcode, a warning for the creator).
        await using var sparkPublisher = ExternalProcess.FfmpegPublish(host.RtmpUrl(spark.StreamKey), seconds: 60, size: "320x240", videoCodec: "flv");
        await using var radioPublisher = ExternalProcess.FfmpegPublish(host.RtmpUrl(radio.StreamKey), seconds: 60, video: false);
        await using var goodPublisher = ExternalProcess.FfmpegPublish(host.RtmpUrl(good.StreamKey), seconds: 60, size: "640x360");
        await sampled.WaitAsync(TimeSpan.FromSeconds(30));

        var sparkHealth = await GetHealthAsync(host, spark);
        Assert.Equal("starting", sparkHealth.GetProperty("state").GetString());
        Assert.Contains(Codes(sparkHealth), c => c == "unsupported-video-codec");
        var radioHealth = await GetHealthAsync(host, radio);
        Assert.Contains(Codes(radioHealth), c => c == "no-video");
        Assert.Equal("mp4a.40.2", radioHealth.GetProperty("health").GetProperty("audioCodec").GetString());

        // The server and the other channel are unaffected.
        await events.WaitForOnlineAsync(good.ChannelId, TimeSpan.FromSeconds(40));
        var goodHealth = await GetHealthAsync(host, good);
        Assert.Equal("live", goodHealth.GetProperty("state").GetString());
        Assert.DoesNotContain(events.Events, e => e is Spectra.Server.Events.StreamOnline o && o.ChannelId != good.ChannelId);
        Assert.False(sparkPublisher.HasExited, sparkPublisher.StandardError);
        Assert.Empty(host.Errors);
    }

    [Fact]
    public async Task Health_NotOwner_ForbiddenAndOfflineOwnerSeesOffline()
    {
        await using var host = await LiveHost.StartAsync();
        var owner = await host.CreateStreamerAsync("owner");
        var other = await host.CreateStreamerAsync("other");

        using var otherClient = host.CreateClient(other.Token);
        Assert.Equal(HttpStatusCode.Forbidden, (await otherClient.GetAsync("/api/v1/channels/owner/health")).StatusCode);
        using var anonymous = host.CreateClient();
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync("/api/v1/channels/owner/health")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await otherClient.GetAsync("/api/v1/channels/nobody/health")).StatusCode);

        var health = await GetHealthAsync(host, owner);
        Assert.Equal("offline", health.GetProperty("state").GetString());
        Assert.Equal(JsonValueKind.Null, health.GetProperty("health").ValueKind);
        Assert.Empty(host.Errors);
    }

    private static async Task<JsonElement> GetHealthAsync(LiveHost host, Streamer streamer)
    {
        using var client = host.CreateClient(streamer.Token);
        return await client.GetFromJsonAsync<JsonElement>($"/api/v1/channels/{streamer.Name}/health");
    }

    private static IEnumerable<string?> Codes(JsonElement health) =>
        health.GetProperty("warnings").EnumerateArray().Select(w => w.GetProperty("code").GetString()).ToList();

    /// <summary>Completes once every named channel has produced a health sample that names its codecs.</summary>
    private static Task WaitForHealth(LiveHost host, params string[] channels)
    {
        var manager = host.Services.GetRequiredService<LiveStreamManager>();
        var pending = new HashSet<string>(channels, StringComparer.OrdinalIgnoreCase);
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        manager.HealthSampled += (stream, health) =>
        {
            if (health.VideoCodec is null && health.AudioCodec is null)
            {
                return;
            }

            lock (pending)
            {
                if (pending.Remove(stream.ChannelName) && pending.Count == 0)
                {
                    done.TrySetResult();
                }
            }
        };
        return done.Task;
    }
}
