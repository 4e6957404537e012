using System.Buffers;
using Microsoft.Extensions.Logging;
using Spectra.Rtmp.Internal.Amf;
using Spectra.Rtmp.Internal.Chunks;
using Spectra.Rtmp.Tests.Infrastructure;

namespace Spectra.Rtmp.Tests.Integration;

/// <summary>
/// Each kind of bad input: exactly one warning naming the precise reason, the connection closed, and the server still
/// serving a correct publisher afterwards.
/// </summary>
public sealed class BadInputTests
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(15);

    private static Task<RtmpTestServer> StartAsync(Action<RtmpOptions>? configure = null)
        => RtmpTestServer.StartAsync(new TestPublishHandler("KEY"), configure);

    private static async Task AssertClosedWithAsync(RtmpTestServer server, Func<RtmpTestClient, Task> misbehave, string eventName, string reason)
    {
        await using (var client = await RtmpTestClient.ConnectAsync(server.Port))
        {
            await misbehave(client);
            Assert.True(await client.WaitForCloseAsync(Wait), "the server did not close the connection");
        }

        var entry = await server.Logs.WaitForEventAsync(eventName, Wait);
        Assert.Contains(reason, entry.Message, StringComparison.Ordinal);
        var warnings = server.Logs.Entries.Where(e => e.Level >= LogLevel.Warning && e.Category.StartsWith("Spectra.Rtmp", StringComparison.Ordinal)).ToList();
        Assert.True(warnings.Count == 1, string.Join("\n", warnings));

        // Everything else unaffected: a correct publisher is served right after.
        await using var good = await RtmpTestClient.ConnectAsync(server.Port);
        var (_, status) = await good.PublishAsync("KEY");
        Assert.Equal("NetStream.Publish.Start", ((Dictionary<string, object?>)status.GetArgument(0)!)["code"]);
    }

    private static async Task ConnectedAsync(RtmpTestClient client)
    {
        await client.HandshakeAsync();
        await client.SendConnectAsync();
        await client.WaitForCommandAsync(c => c.Name == "_result");
    }

    [Fact]
    public async Task Connection_HttpRequestBytes_ClosedAtC0()
    {
        await using var server = await StartAsync();
        await AssertClosedWithAsync(server,
            c => c.SendAsync("GET / HTTP/1.1\r\nHost: x\r\n\r\n"u8.ToArray()),
            "RtmpProtocolError", "Handshake C0 requests RTMP version 71; only version 3 is supported");
    }

    [Fact]
    public async Task Connection_RandomBytes_Closed()
    {
        await using var server = await StartAsync();
        var random = new byte[5000];
        new Random(42).NextBytes(random);
        random[0] = 0xF3;
        await AssertClosedWithAsync(server, c => c.SendAsync(random), "RtmpProtocolError", "Handshake C0 requests RTMP version 243");
    }

    [Fact]
    public async Task Handshake_TruncatedThenPeerCloses_Logged()
    {
        await using var server = await StartAsync();
        await AssertClosedWithAsync(server, async c =>
        {
            await c.SendAsync(new byte[] { 3 }.Concat(new byte[100]).ToArray());
            c.ShutdownSend();
        }, "RtmpHandshakeIncomplete", "C0+C1 has 101 of 1537 bytes");
    }

    [Fact]
    public async Task Handshake_TooSlow_TimesOut()
    {
        await using var server = await StartAsync(o => o.HandshakeTimeout = TimeSpan.FromSeconds(1));
        await AssertClosedWithAsync(server, c => c.SendAsync(new byte[] { 3, 0, 0, 0 }), "RtmpHandshakeTimeout", "handshake not completed within 1 s");
    }

    [Theory]
    [InlineData(0u)]
    [InlineData(0x80000000u)]
    public async Task SetChunkSize_Invalid_ClosedWithReason(uint size)
    {
        await using var server = await StartAsync();
        var payload = new byte[4];
        System.Buffers.Binary.BinaryPrimitives.WriteUInt32BigEndian(payload, size);
        await AssertClosedWithAsync(server, async c =>
        {
            await ConnectedAsync(c);
            await c.SendMessageAsync(2, RtmpMessageType.SetChunkSize, 0, payload);
        }, "RtmpProtocolError", $"Set Chunk Size {size} is outside 1–2147483647");
    }

    [Fact]
    public async Task Message_LengthAboveMaxMessageSize_ClosedBeforeBuffering()
    {
        await using var server = await StartAsync();
        await AssertClosedWithAsync(server, async c =>
        {
            await c.HandshakeAsync();
            await c.SendAsync(new byte[] { 0x06, 0, 0, 0, 0xFF, 0xFF, 0xFF, 0x09, 1, 0, 0, 0, 0x17, 0x01 });
        }, "RtmpProtocolError", "Chunk stream 6 declares a 16777215-byte message; the limit is 8388608 bytes");
    }

    [Fact]
    public async Task Message_AbovePrePublishLimitBeforePublish_ClosedBeforeBuffering()
    {
        await using var server = await StartAsync();
        await AssertClosedWithAsync(server, async c =>
        {
            await ConnectedAsync(c);
            await c.SendAsync(new byte[] { 0x04, 0, 0, 0, 0, 0x40, 0x01, 0x12, 0, 0, 0, 0, 0x02 });
        }, "RtmpPrePublishLimit", "closed before publish: Chunk stream 4 declares a 16385-byte message; the limit before publish is 16384 bytes");
    }

    [Fact]
    public async Task Messages_IncompleteOnManyChunkStreamsBeforePublish_ClosedAtBufferLimit()
    {
        // Each chunk stream starts a 16 KiB message with one 128-byte chunk: 4 KiB of buffer each, 32 KiB allowed in all.
        await using var server = await StartAsync();
        await AssertClosedWithAsync(server, async c =>
        {
            await c.HandshakeAsync();
            for (uint id = 4; id < 13; id++)
            {
                await c.SendIncompleteMessageAsync(id, 0x7F, 0, 16 * 1024, chunks: 1);
            }
        }, "RtmpPrePublishLimit", "Incomplete messages would hold more than 32768 bytes across 9 chunk streams; that is the limit before publish");
    }

    [Theory]
    [InlineData(RtmpMessageType.Video, "Video")]
    [InlineData(RtmpMessageType.Audio, "Audio")]
    public async Task Media_BeforePublish_Closed(byte typeId, string name)
    {
        await using var server = await StartAsync();
        await AssertClosedWithAsync(server, async c =>
        {
            await ConnectedAsync(c);
            await c.SendCommandAsync(0, "createStream", 2, null);
            await c.WaitForCommandAsync(r => r.Name == "_result" && r.TransactionId == 2);
            await c.SendMessageAsync(6, typeId, 1, new byte[] { 0x17, 0x00 });
        }, "RtmpPrePublishLimit", $"{name} message on message stream 1 before a publish was accepted");
    }

    [Fact]
    public async Task ChunkStreams_MoreThanLimit_Closed()
    {
        await using var server = await StartAsync(o => o.MaxChunkStreams = 4);
        await AssertClosedWithAsync(server, async c =>
        {
            await c.HandshakeAsync();
            for (uint id = 10; id < 15; id++)
            {
                await c.SendMessageAsync(id, RtmpMessageType.Acknowledgement, 0, new byte[] { 0, 0, 0, 1 });
            }
        }, "RtmpProtocolError", "Chunk stream 14 would exceed the limit of 4 chunk streams");
    }

    [Fact]
    public async Task Command_MalformedAmf_Closed()
    {
        await using var server = await StartAsync();
        await AssertClosedWithAsync(server, async c =>
        {
            await c.HandshakeAsync();
            await c.SendMessageAsync(3, RtmpMessageType.CommandAmf0, 0, new byte[] { 0x02, 0x00, 0xFF, (byte)'c' });
        }, "RtmpMalformedAmf", "String declares 255 bytes but only 1 remain (AMF0 offset 3)");
    }

    [Fact]
    public async Task Metadata_MalformedAmf_Closed()
    {
        await using var server = await StartAsync();
        var output = new ArrayBufferWriter<byte>();
        Amf0Writer.WriteString(output, "@setDataFrame");
        Amf0Writer.WriteString(output, "onMetaData");
        output.Write(new byte[] { 0x08, 0, 0, 0, 1, 0, 1, (byte)'w', 0x00, 0x40 });
        await AssertClosedWithAsync(server, async c =>
        {
            await ConnectedAsync(c);
            await c.SendMessageAsync(4, RtmpMessageType.DataAmf0, 1, output.WrittenMemory);
        }, "RtmpMalformedAmf", "expected 8 bytes but 1 remain");
    }

    [Fact]
    public async Task Publish_BeforeConnect_Closed()
    {
        await using var server = await StartAsync();
        await AssertClosedWithAsync(server, async c =>
        {
            await c.HandshakeAsync();
            await c.SendCommandAsync(1, "publish", 0, null, "KEY", "live");
        }, "RtmpProtocolError", "Command 'publish' before connect");
        Assert.Empty(server.Handler.Requests.Where(r => r.StreamName == "KEY").Skip(1));
    }

    [Fact]
    public async Task Publish_BeforeCreateStream_Closed()
    {
        await using var server = await StartAsync();
        await AssertClosedWithAsync(server, async c =>
        {
            await ConnectedAsync(c);
            await c.SendCommandAsync(1, "publish", 0, null, "KEY", "live");
        }, "RtmpProtocolError", "publish on message stream 1, which createStream did not create");
    }

    [Fact]
    public async Task Publisher_StopsSendingWithoutClosing_IdleTimeoutUnpublishes()
    {
        await using var server = await StartAsync(o => o.IdleTimeout = TimeSpan.FromSeconds(2));
        RecordingSink? sink = null;
        await AssertClosedWithAsync(server, async c =>
        {
            var (streamId, _) = await c.PublishAsync("KEY");
            await c.SendMessageAsync(6, RtmpMessageType.Video, streamId, new byte[] { 0x17, 0x00 });
            sink = await server.Handler.NextAcceptedAsync(Wait);
        }, "RtmpIdleTimeout", "nothing received for 2 s");
        Assert.Equal(RtmpUnpublishReason.Timeout, await sink!.Unpublished.WaitAsync(Wait));
        Assert.Equal(1, sink.UnpublishCalls);
    }

    [Fact]
    public async Task Publisher_DropsConnection_UnpublishedAsConnectionClosed()
    {
        await using var server = await StartAsync();
        await using (var client = await RtmpTestClient.ConnectAsync(server.Port))
        {
            await client.PublishAsync("KEY");
        }

        var sink = await server.Handler.NextAcceptedAsync(Wait);
        Assert.Equal(RtmpUnpublishReason.ConnectionClosed, await sink.Unpublished.WaitAsync(Wait));
    }

    [Fact]
    public async Task Publisher_ProtocolErrorWhilePublishing_UnpublishedAsProtocolError()
    {
        await using var server = await StartAsync();
        await using var client = await RtmpTestClient.ConnectAsync(server.Port);
        await client.PublishAsync("KEY");
        var sink = await server.Handler.NextAcceptedAsync(Wait);
        await client.SendMessageAsync(2, RtmpMessageType.SetChunkSize, 0, new byte[4]);
        Assert.Equal(RtmpUnpublishReason.ProtocolError, await sink.Unpublished.WaitAsync(Wait));
        Assert.True(await client.WaitForCloseAsync(Wait));
    }
}
