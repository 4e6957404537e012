using Spectra.Rtmp.Internal.Chunks;
using Spectra.Rtmp.Tests.Infrastructure;

namespace Spectra.Rtmp.Tests.Integration;

/// <summary>Chunk-level behaviour through the real server: big chunks, aborts, many publishers at once.</summary>
public sealed class ChunkingTests
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(20);

    [Fact]
    public async Task Media_SingleChunkLargerThanTransportBuffer_Delivered()
    {
        await using var server = await RtmpTestServer.StartAsync(new TestPublishHandler("KEY"));
        await using var client = await RtmpTestClient.ConnectAsync(server.Port);
        var (streamId, _) = await client.PublishAsync("KEY");
        var sink = await server.Handler.NextAcceptedAsync(Wait);

        // A 3 MiB message in one chunk is bigger than Kestrel's 1 MiB input buffer: the reader must consume it as it arrives.
        await client.SendMessageAsync(2, RtmpMessageType.SetChunkSize, 0, new byte[] { 0x00, 0x80, 0x00, 0x00 });
        client.OutgoingChunkSize = 8 * 1024 * 1024;
        var frame = new byte[3 * 1024 * 1024];
        new Random(3).NextBytes(frame);
        frame[0] = 0x17;
        await client.SendMessageAsync(6, RtmpMessageType.Video, streamId, frame, timestamp: 40);
        await client.SendCommandAsync(streamId, "deleteStream", 4, null, (double)streamId);

        Assert.Equal(RtmpUnpublishReason.Unpublished, await sink.Unpublished.WaitAsync(Wait));
        var media = Assert.Single(sink.Media);
        Assert.Equal(frame.Length, media.Length);
        Assert.Equal(frame[..16], media.Head);
        Assert.Equal(40u, media.Timestamp);
    }

    [Fact]
    public async Task Abort_PartialMessage_DroppedAndStreamContinues()
    {
        await using var server = await RtmpTestServer.StartAsync(new TestPublishHandler("KEY"));
        await using var client = await RtmpTestClient.ConnectAsync(server.Port);
        var (streamId, _) = await client.PublishAsync("KEY");
        var sink = await server.Handler.NextAcceptedAsync(Wait);

        // First chunk (128 of 300 bytes) of a video message on chunk stream 6, then Abort(6) (§5.4.2), then a whole message.
        var header = new byte[] { 0x06, 0, 0, 0, 0, 0x01, 0x2C, 0x09, (byte)streamId, 0, 0, 0 };
        await client.SendAsync(header.Concat(new byte[128]).ToArray());
        await client.SendMessageAsync(2, RtmpMessageType.Abort, 0, new byte[] { 0, 0, 0, 6 });
        await client.SendMessageAsync(6, RtmpMessageType.Video, streamId, new byte[] { 0x17, 0x01, 0xAA }, timestamp: 80);
        await client.SendCommandAsync(streamId, "deleteStream", 4, null, (double)streamId);

        Assert.Equal(RtmpUnpublishReason.Unpublished, await sink.Unpublished.WaitAsync(Wait));
        var media = Assert.Single(sink.Media);
        Assert.Equal(new byte[] { 0x17, 0x01, 0xAA }, media.Head);
    }

    [Fact]
    public async Task Publishers_ManyAtOnce_EachSinkGetsExactlyItsOwnStream()
    {
        const int Publishers = 16;
        const int Frames = 200;
        var keys = Enumerable.Range(0, Publishers).Select(i => $"KEY{i}").ToArray();
        await using var server = await RtmpTestServer.StartAsync(new TestPublishHandler(keys));

        await Task.WhenAll(keys.Select(async (key, index) =>
        {
            await using var client = await RtmpTestClient.ConnectAsync(server.Port);
            var (streamId, _) = await client.PublishAsync(key);
            for (var frame = 0; frame < Frames; frame++)
            {
                var payload = new byte[300 + (frame % 7 * 100)];
                payload[0] = 0x27;
                payload[1] = (byte)index;
                payload[2] = (byte)frame;
                await client.SendMessageAsync(6, RtmpMessageType.Video, streamId, payload, (uint)(frame * 33));
            }

            await client.SendCommandAsync(streamId, "deleteStream", 4, null, (double)streamId);

            // Wait for the reply before closing: closing with unread data resets the connection, which may overtake the command.
            await client.WaitForCommandAsync(c => c.Name == "onStatus"
                && (string?)((Dictionary<string, object?>)c.GetArgument(0)!)["code"] == "NetStream.Unpublish.Success");
        }));

        var sinks = new List<RecordingSink>();
        while (sinks.Count < Publishers)
        {
            sinks.Add(await server.Handler.NextAcceptedAsync(Wait));
        }

        foreach (var sink in sinks)
        {
            Assert.Equal(RtmpUnpublishReason.Unpublished, await sink.Unpublished.WaitAsync(Wait));
            var index = int.Parse(sink.Request.StreamName[3..], System.Globalization.CultureInfo.InvariantCulture);
            var media = sink.Media.ToArray();
            Assert.Equal(Frames, media.Length);
            for (var frame = 0; frame < Frames; frame++)
            {
                Assert.Equal((byte)index, media[frame].Head[1]);
                Assert.Equal((byte)frame, media[frame].Head[2]);
                Assert.Equal((uint)(frame * 33), media[frame].Timestamp);
            }
        }
    }
}
