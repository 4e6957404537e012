using Spectra.Rtmp.Tests.Infrastructure;

namespace Spectra.Rtmp.Tests.Integration;

/// <summary>Real ffmpeg publishing to a real Kestrel host on loopback.</summary>
public sealed class FfmpegPublishTests
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(30);

    /// <summary>
    /// ffmpeg sends FCUnpublish and deleteStream and closes without reading the replies, so its kernel may answer with
    /// a reset that overtakes the commands; the stream then ends as ConnectionClosed. Either is a clean end.
    /// </summary>
    public static readonly RtmpUnpublishReason[] FfmpegEndReasons = [RtmpUnpublishReason.Unpublished, RtmpUnpublishReason.ConnectionClosed];

    [Fact]
    public async Task Publish_Ffmpeg_ReachesSinkWithMetadataSequenceHeadersKeyframesAndAudio()
    {
        var handler = new TestPublishHandler("KEY");
        await using var server = await RtmpTestServer.StartAsync(handler);

        var run = await ExternalProcess.FfmpegPublishAsync(server.Url("live/KEY"));
        Assert.False(run.TimedOut, run.StandardError);
        Assert.True(run.ExitCode == 0, run.StandardError);

        var sink = await handler.NextAcceptedAsync(Wait);
        Assert.Contains(await sink.Unpublished.WaitAsync(Wait), FfmpegEndReasons);
        Assert.Equal(1, sink.UnpublishCalls);
        Assert.Equal("live", sink.Request.App);
        Assert.Equal("KEY", sink.Request.StreamName);
        var handshake = await server.Logs.WaitForEventAsync("RtmpHandshakeCompleted", Wait);
        Assert.Contains("(Digest0)", handshake.Message, StringComparison.Ordinal);

        var metadata = Assert.Single(sink.Metadata);
        Assert.Equal(640d, metadata["width"]);
        Assert.Equal(360d, metadata["height"]);
        Assert.Equal(7d, metadata["videocodecid"]);
        Assert.Equal(10d, metadata["audiocodecid"]);

        var media = sink.Media.ToArray();
        var video = media.Where(m => m.Type == RtmpMediaType.Video).ToArray();
        var audio = media.Where(m => m.Type == RtmpMediaType.Audio).ToArray();

        // FLV VIDEODATA: frame type 1 (key) | codec 7 (AVC) = 0x17, AVCPacketType 0 = sequence header (FLV spec E.4.3.1).
        Assert.Equal(0x17, video[0].Head[0]);
        Assert.Equal(0x00, video[0].Head[1]);
        Assert.True(video.Count(v => v.Head[0] == 0x17 && v.Head[1] == 0x01) >= 3, "expected a keyframe per second (-g 30 at 30 fps)");

        // FLV AUDIODATA: AAC (10) 44 kHz 16-bit stereo flag byte 0xAF, AACPacketType 0 = AudioSpecificConfig.
        Assert.Equal(0xAF, audio[0].Head[0]);
        Assert.Equal(0x00, audio[0].Head[1]);

        // 4 s at 30 fps: ~120 frames, timestamps rising from 0 to about 4000 ms.
        Assert.InRange(video.Length, 110, 125);
        Assert.InRange(video[^1].Timestamp, 3700u, 4200u);
        Assert.InRange(audio[^1].Timestamp, 3700u, 4200u);
        for (var i = 1; i < audio.Length; i++)
        {
            Assert.True(audio[i].Timestamp >= audio[i - 1].Timestamp, $"audio timestamps decrease at {i}");
        }
    }

    [Fact]
    public async Task Publish_FfmpegKeyWithQueryString_QueryStripped()
    {
        var handler = new TestPublishHandler("KEY");
        await using var server = await RtmpTestServer.StartAsync(handler);

        var run = await ExternalProcess.FfmpegPublishAsync(server.Url("live/KEY?token=abc123"), seconds: 1);
        Assert.True(run.ExitCode == 0, run.StandardError);

        var sink = await handler.NextAcceptedAsync(Wait);
        Assert.Equal("KEY", sink.Request.StreamName);
        Assert.Contains(await sink.Unpublished.WaitAsync(Wait), FfmpegEndReasons);
        Assert.True(sink.MediaCount > 20, $"{sink.MediaCount} media messages");
    }

    [Fact]
    public async Task Handshake_FfmpegAsPlayer_AcceptsServerDigestAndSignature()
    {
        // When playing, ffmpeg verifies the S1 digest and the S2 signature of an FP9 server and aborts on a mismatch;
        // it sends connect only after both checks passed. Without an IRtmpPlayHandler, play gets StreamNotFound.
        await using var server = await RtmpTestServer.StartAsync(new TestPublishHandler("KEY"), o => o.IdleTimeout = TimeSpan.FromSeconds(1));

        var run = await ExternalProcess.RunAsync("ffmpeg",
            ["-hide_banner", "-nostdin", "-loglevel", "debug", "-i", server.Url("live/KEY"), "-t", "1", "-f", "null", "-"],
            TimeSpan.FromSeconds(30));

        Assert.False(run.TimedOut);
        Assert.DoesNotContain("validating failed", run.StandardError, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("Signature mismatch", run.StandardError, StringComparison.OrdinalIgnoreCase);
        var handshake = await server.Logs.WaitForEventAsync("RtmpHandshakeCompleted", Wait);
        Assert.Contains("(Digest0)", handshake.Message, StringComparison.Ordinal);
        await server.Logs.WaitForEventAsync("RtmpConnected", Wait);
        await server.Logs.WaitForEventAsync("RtmpPlayNotFound", Wait);
        Assert.Contains("Server error: No live stream", run.StandardError, StringComparison.Ordinal);
    }
}
