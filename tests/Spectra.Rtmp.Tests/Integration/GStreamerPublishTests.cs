using Spectra.Rtmp.Tests.Infrastructure;

namespace Spectra.Rtmp.Tests.Integration;

/// <summary>GStreamer's rtmp2sink is an independent RTMP client implementation (plain handshake, its own chunking).</summary>
public sealed class GStreamerPublishTests
{
    [Fact]
    public async Task Publish_GStreamerRtmp2Sink_ReachesSink()
    {
        var handler = new TestPublishHandler("KEY");
        await using var server = await RtmpTestServer.StartAsync(handler);

        var run = await ExternalProcess.RunAsync("gst-launch-1.0",
        [
            "-q", "videotestsrc", "num-buffers=90", "!", "video/x-raw,width=320,height=240,framerate=30/1",
            "!", "x264enc", "tune=zerolatency", "key-int-max=30", "!", "video/x-h264,profile=main",
            "!", "flvmux", "streamable=true", "!", "rtmp2sink", $"location={server.Url("live/KEY")}",
        ], TimeSpan.FromSeconds(60));
        Assert.False(run.TimedOut, run.StandardError);
        Assert.True(run.ExitCode == 0, run.StandardError);

        var sink = await handler.NextAcceptedAsync(TimeSpan.FromSeconds(10));
        Assert.Equal("live", sink.Request.App);
        Assert.Equal("KEY", sink.Request.StreamName);
        var reason = await sink.Unpublished.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.True(reason is RtmpUnpublishReason.Unpublished or RtmpUnpublishReason.ConnectionClosed, reason.ToString());

        var video = sink.Media.Where(m => m.Type == RtmpMediaType.Video).ToArray();
        Assert.Equal(0x17, video[0].Head[0]);
        Assert.Equal(0x00, video[0].Head[1]);
        // AVCPacketType 1 = coded frames (FLV spec E.4.3.1): exactly the 90 buffers of videotestsrc.
        Assert.Equal(90, video.Count(v => v.Head[1] == 0x01));
        Assert.InRange(video[^1].Timestamp, 2900u, 3100u);
        Assert.NotEmpty(sink.Metadata);
    }
}
