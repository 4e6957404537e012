using System.Buffers;
using Spectra.Rtmp.Internal.Amf;
using Spectra.Rtmp.Tests.Infrastructure;

namespace Spectra.Rtmp.Tests.Integration;

/// <summary>Spectra's RTMP publish client against Spectra's RTMP server over loopback.</summary>
public sealed class PublishClientTests
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(15);

    [Fact]
    public async Task Publish_KnownKey_ServerGetsMetadataAndMediaIntact()
    {
        await using var server = await RtmpTestServer.StartAsync(new TestPublishHandler("KEY"));
        Assert.True(RtmpPublishTarget.TryCreate(server.Url("live"), "KEY", out var target, out var error), error);
        RecordingSink sink;
        await using (var client = await RtmpPublishClient.ConnectAsync(target, new RtmpPublishClientOptions(), CancellationToken.None))
        {
            sink = await server.Handler.NextAcceptedAsync(Wait);
            Assert.Equal(("live", "KEY"), (sink.Request.App, sink.Request.StreamName));

            var script = new ArrayBufferWriter<byte>();
            Amf0Writer.WriteString(script, "onMetaData");
            Amf0Writer.WriteEcmaArray(script, new Dictionary<string, object?> { ["width"] = 640d, ["height"] = 360d });
            client.WriteDataFrame(script.WrittenSpan);
            var frame = new byte[20_000];
            frame[0] = 0x17;
            frame[1] = 0x01;
            frame[^1] = 0xEE;
            client.WriteMedia(RtmpMediaType.Video, 0, frame);
            client.WriteMedia(RtmpMediaType.Audio, 23, [0xAF, 0x01, 0x21, 0x00]);
            await client.FlushAsync(CancellationToken.None);

            var deadline = DateTime.UtcNow + Wait;
            while (sink.Media.Count < 2 && DateTime.UtcNow < deadline)
            {
                await Task.Delay(20);
            }

            var media = sink.Media.ToArray();
            Assert.Equal([(RtmpMediaType.Video, 0u, 20_000), (RtmpMediaType.Audio, 23u, 4)], media.Select(m => (m.Type, m.Timestamp, m.Length)));
            Assert.True(sink.Metadata.TryPeek(out var metadata));
            Assert.Equal(640d, metadata["width"]);
            Assert.True(client.BytesSent > 20_000);
            Assert.False(client.Completion.IsCompleted);
        }

        // Disposing says goodbye with FCUnpublish and deleteStream.
        Assert.Equal(RtmpUnpublishReason.Unpublished, await sink.Unpublished.WaitAsync(Wait));
    }

    [Fact]
    public async Task Publish_UnknownKey_RefusedWithTheServersReason()
    {
        await using var server = await RtmpTestServer.StartAsync(new TestPublishHandler("KEY"));
        Assert.True(RtmpPublishTarget.TryCreate(server.Url("live"), "WRONG", out var target, out var error), error);

        var ex = await Assert.ThrowsAsync<RtmpPublishException>(() => RtmpPublishClient.ConnectAsync(target, new RtmpPublishClientOptions(), CancellationToken.None));
        Assert.True(ex.IsRefusal);
        Assert.Contains("NetStream.Publish.BadName", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Connect_NobodyListening_FailsFastWithoutRefusal()
    {
        using var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        var port = ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        Assert.True(RtmpPublishTarget.TryCreate($"rtmp://127.0.0.1:{port}/app", "KEY", out var target, out var error), error);

        var ex = await Assert.ThrowsAsync<RtmpPublishException>(() => RtmpPublishClient.ConnectAsync(target, new RtmpPublishClientOptions(), CancellationToken.None));
        Assert.False(ex.IsRefusal);
        Assert.StartsWith($"rtmp://127.0.0.1:{port}/app: ", ex.Message, StringComparison.Ordinal);
    }
}
