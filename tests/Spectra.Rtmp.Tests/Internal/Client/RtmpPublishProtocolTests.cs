using System.Buffers;
using System.Buffers.Binary;
using Spectra.Rtmp.Internal;
using Spectra.Rtmp.Internal.Amf;
using Spectra.Rtmp.Internal.Chunks;
using Spectra.Rtmp.Internal.Client;
using Spectra.Rtmp.Internal.Commands;
using Spectra.Rtmp.Tests.Internal.Chunks;

namespace Spectra.Rtmp.Tests.Internal.Client;

/// <summary>The publishing client's side of the command exchange, against a server written with the server's own chunk and AMF0 code.</summary>
public sealed class RtmpPublishProtocolTests
{
    private const string Key = "live_secret_key";

    [Fact]
    public void Start_WritesSetChunkSizeThenConnect()
    {
        using var protocol = NewProtocol();
        var output = new ArrayBufferWriter<byte>();
        protocol.Start(output, 4096, "FMLE/3.0");

        // Set Chunk Size 4096 on chunk stream 2 (RTMP 1.0 §5.4.1), byte for byte.
        Assert.Equal(new byte[] { 0x02, 0, 0, 0, 0, 0, 4, 0x01, 0, 0, 0, 0, 0x00, 0x00, 0x10, 0x00 }, output.WrittenSpan[..16].ToArray());
        var server = new FakeServer();
        var messages = server.Read(output.WrittenSpan);
        Assert.Equal(2, messages.Count);
        var connect = RtmpCommand.Parse(messages[1].Payload);
        Assert.Equal((RtmpMessageType.CommandAmf0, 0u), (messages[1].Header.TypeId, messages[1].Header.MessageStreamId));
        Assert.Equal(("connect", 1d), (connect.Name, connect.TransactionId));
        Assert.Equal("live2", connect.GetString("app"));
        Assert.Equal("rtmp://a.rtmp.example:1935/live2", connect.GetString("tcUrl"));
        Assert.Equal("nonprivate", connect.GetString("type"));
        Assert.Equal("FMLE/3.0", connect.GetString("flashVer"));
        Assert.Equal(RtmpPublishState.Connecting, protocol.State);
        Assert.Equal(4096, protocol.OutgoingChunkSize);
    }

    [Fact]
    public void Exchange_ServerAccepts_SendsFmsCommandsThenPublishAndReachesPublishing()
    {
        using var protocol = NewProtocol();
        var server = new FakeServer();
        var output = new ArrayBufferWriter<byte>();
        protocol.Start(output, 4096, "FMLE/3.0");
        server.Read(output.WrittenSpan);
        output.ResetWrittenCount();

        // What nginx-rtmp and FMS answer to connect.
        server.WriteWindowAcknowledgementSize(5_000_000);
        server.WriteSetPeerBandwidth(5_000_000);
        server.WriteSetChunkSize(4096);
        server.WriteCommand(0, b => RtmpCommandWriter.WriteConnectResult(b, 1));
        Feed(protocol, server.TakeOutput(), output);
        Assert.Equal(RtmpPublishState.CreatingStream, protocol.State);
        var commands = server.Read(output.WrittenSpan).Select(m => RtmpCommand.Parse(m.Payload)).ToList();
        Assert.Equal(["releaseStream", "FCPublish", "createStream"], commands.Select(c => c.Name));
        Assert.Equal([2d, 3d, 4d], commands.Select(c => c.TransactionId));
        Assert.Equal(Key, commands[0].GetArgument(0));
        Assert.Equal(Key, commands[1].GetArgument(0));
        output.ResetWrittenCount();

        // createStream's result carries the message stream id.
        server.WriteCommand(0, b => RtmpCommandWriter.Write(b, "_result", 4, null, 1d));
        Feed(protocol, server.TakeOutput(), output);
        Assert.Equal(RtmpPublishState.StartingPublish, protocol.State);
        var publish = Assert.Single(server.Read(output.WrittenSpan));
        Assert.Equal(1u, publish.Header.MessageStreamId);
        var publishCommand = RtmpCommand.Parse(publish.Payload);
        Assert.Equal(("publish", Key, "live"), (publishCommand.Name, publishCommand.GetArgument(0), publishCommand.GetArgument(1)));
        output.ResetWrittenCount();

        server.WriteCommand(1, b => RtmpCommandWriter.WriteOnStatus(b, "status", RtmpCommandWriter.PublishStart, "Start publishing"));
        Feed(protocol, server.TakeOutput(), output);
        Assert.Equal(RtmpPublishState.Publishing, protocol.State);
        Assert.Equal(5_000_000u, protocol.AcknowledgementWindow);
    }

    [Fact]
    public void WriteMedia_LargeFrame_ChunkedAtTheAnnouncedSizeOnTheStream()
    {
        using var protocol = PublishingProtocol(out var server);
        var output = new ArrayBufferWriter<byte>();
        var frame = Enumerable.Range(0, 10_000).Select(i => (byte)i).ToArray();
        protocol.WriteMedia(output, RtmpMediaType.Video, 40, frame);
        protocol.WriteMedia(output, RtmpMediaType.Audio, 41, [0xAF, 0x01, 0x21]);

        // 10000 bytes in chunks of 4096: one fmt 0 header and two 1-byte fmt 3 headers.
        Assert.Equal(12 + 10_000 + 2 + 12 + 3, output.WrittenCount);
        var messages = server.Read(output.WrittenSpan);
        Assert.Equal((RtmpMessageType.Video, 40u, 1u), (messages[0].Header.TypeId, messages[0].Header.Timestamp, messages[0].Header.MessageStreamId));
        Assert.Equal(frame, messages[0].Payload);
        Assert.Equal((RtmpMessageType.Audio, 41u), (messages[1].Header.TypeId, messages[1].Header.Timestamp));
    }

    [Fact]
    public void WriteDataFrame_PrefixesSetDataFrameToTheScriptData()
    {
        using var protocol = PublishingProtocol(out var server);
        var output = new ArrayBufferWriter<byte>();
        var body = new ArrayBufferWriter<byte>();
        Amf0Writer.WriteString(body, "onMetaData");
        Amf0Writer.WriteEcmaArray(body, new Dictionary<string, object?> { ["width"] = 640d });
        protocol.WriteDataFrame(output, body.WrittenSpan);

        var message = Assert.Single(server.Read(output.WrittenSpan));
        Assert.Equal((RtmpMessageType.DataAmf0, 1u), (message.Header.TypeId, message.Header.MessageStreamId));
        var reader = new Amf0Reader(message.Payload);
        Assert.Equal("@setDataFrame", reader.ReadString());
        Assert.Equal("onMetaData", reader.ReadString());
        Assert.Equal(640d, Assert.IsType<Dictionary<string, object?>>(reader.ReadValue())["width"]);
    }

    [Fact]
    public void Process_PublishBadName_ThrowsRefusal()
    {
        using var protocol = NewProtocol();
        var server = new FakeServer();
        var output = new ArrayBufferWriter<byte>();
        protocol.Start(output, 4096, "FMLE/3.0");
        server.WriteCommand(0, b => RtmpCommandWriter.WriteConnectResult(b, 1));
        Feed(protocol, server.TakeOutput(), output);
        server.WriteCommand(0, b => RtmpCommandWriter.Write(b, "_result", 4, null, 1d));
        Feed(protocol, server.TakeOutput(), output);

        server.WriteCommand(1, b => RtmpCommandWriter.WriteOnStatus(b, "error", RtmpCommandWriter.PublishBadName, "Stream key is not valid"));
        var ex = Assert.Throws<RtmpPublishException>(() => Feed(protocol, server.TakeOutput(), output));
        Assert.True(ex.IsRefusal);
        Assert.Contains("NetStream.Publish.BadName: Stream key is not valid", ex.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(Key, ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Process_ConnectError_ThrowsRefusal()
    {
        using var protocol = NewProtocol();
        var server = new FakeServer();
        var output = new ArrayBufferWriter<byte>();
        protocol.Start(output, 4096, "FMLE/3.0");
        server.WriteCommand(0, b => RtmpCommandWriter.Write(b, "_error", 1, null,
            new Dictionary<string, object?> { ["level"] = "error", ["code"] = "NetConnection.Connect.Rejected", ["description"] = "no such app" }));

        var ex = Assert.Throws<RtmpPublishException>(() => Feed(protocol, server.TakeOutput(), output));
        Assert.True(ex.IsRefusal);
        Assert.Contains("refused connect: NetConnection.Connect.Rejected: no such app", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Process_WindowReached_AcknowledgesBytesReceived()
    {
        using var protocol = NewProtocol();
        var server = new FakeServer();
        var output = new ArrayBufferWriter<byte>();
        protocol.Start(output, 4096, "FMLE/3.0");
        output.ResetWrittenCount();

        server.WriteWindowAcknowledgementSize(100);
        for (var i = 0; i < 10; i++)
        {
            server.WriteCommand(0, b => RtmpCommandWriter.Write(b, "onBWDone", 0, null, null));
        }

        var bytes = server.TakeOutput();
        Feed(protocol, bytes, output);

        var acknowledgements = server.Read(output.WrittenSpan).Where(m => m.Header.TypeId == RtmpMessageType.Acknowledgement).ToList();
        Assert.NotEmpty(acknowledgements);
        var last = BinaryPrimitives.ReadUInt32BigEndian(acknowledgements[^1].Payload);
        Assert.InRange(last, bytes.Length - 100u, (uint)bytes.Length);
        Assert.Equal(bytes.Length, protocol.BytesReceived);
    }

    [Fact]
    public void Process_PingRequest_AnsweredWithTheSameTimestamp()
    {
        using var protocol = NewProtocol();
        var server = new FakeServer();
        var output = new ArrayBufferWriter<byte>();
        server.WriteUserControl(RtmpControlMessages.PingRequest, 0xCAFE);
        Feed(protocol, server.TakeOutput(), output);

        var pong = Assert.Single(server.Read(output.WrittenSpan));
        Assert.Equal(RtmpMessageType.UserControl, pong.Header.TypeId);
        Assert.Equal(new byte[] { 0, 7, 0, 0, 0xCA, 0xFE }, pong.Payload);
    }

    [Fact]
    public void Process_ServerChunkSizeAndMessagesSplitAnywhere_SameOutcome()
    {
        var server = new FakeServer();
        server.WriteSetChunkSize(64);
        server.WriteCommand(0, b => RtmpCommandWriter.WriteConnectResult(b, 1));
        var bytes = server.TakeOutput();
        for (var split = 1; split < bytes.Length; split++)
        {
            using var protocol = NewProtocol();
            var output = new ArrayBufferWriter<byte>();
            protocol.Start(output, 4096, "FMLE/3.0");
            var pending = Feed(protocol, bytes[..split], output);
            Feed(protocol, [.. pending, .. bytes[split..]], output);
            Assert.Equal(RtmpPublishState.CreatingStream, protocol.State);
        }
    }

    private static RtmpPublishProtocol NewProtocol() => new("live2", "rtmp://a.rtmp.example:1935/live2", Key);

    private static RtmpPublishProtocol PublishingProtocol(out FakeServer server)
    {
        var protocol = NewProtocol();
        server = new FakeServer();
        var output = new ArrayBufferWriter<byte>();
        protocol.Start(output, 4096, "FMLE/3.0");
        server.Read(output.WrittenSpan);
        server.WriteCommand(0, b => RtmpCommandWriter.WriteConnectResult(b, 1));
        server.WriteCommand(0, b => RtmpCommandWriter.Write(b, "_result", 4, null, 1d));
        server.WriteCommand(1, b => RtmpCommandWriter.WriteOnStatus(b, "status", RtmpCommandWriter.PublishStart, "Start publishing"));
        output.ResetWrittenCount();
        Feed(protocol, server.TakeOutput(), output);
        server.Read(output.WrittenSpan);
        Assert.Equal(RtmpPublishState.Publishing, protocol.State);
        return protocol;
    }

    /// <summary>Feeds bytes; returns what was left unconsumed.</summary>
    private static byte[] Feed(RtmpPublishProtocol protocol, byte[] bytes, IBufferWriter<byte> output)
    {
        var reader = new SequenceReader<byte>(new ReadOnlySequence<byte>(bytes));
        protocol.Process(ref reader, output);
        return bytes[(int)reader.Consumed..];
    }

    /// <summary>The server's half: reads what the client sent (applying its Set Chunk Size) and writes replies.</summary>
    private sealed class FakeServer
    {
        private readonly RtmpChunkReader _reader = new(1 << 20, 64, 8 << 20);
        private readonly RtmpChunkWriter _writer = new();
        private readonly ArrayBufferWriter<byte> _output = new();

        public List<ChunkFeeder.Message> Read(ReadOnlySpan<byte> bytes) => ChunkFeeder.ReadAll(_reader, bytes, onMessage: (reader, message) =>
        {
            if (message.Header.TypeId == RtmpMessageType.SetChunkSize)
            {
                reader.SetChunkSize(RtmpControlMessages.ReadUInt32(message.Payload, "Set Chunk Size"));
            }
        });

        public void WriteCommand(uint messageStreamId, Action<IBufferWriter<byte>> write)
        {
            var payload = new ArrayBufferWriter<byte>();
            write(payload);
            _writer.WriteMessage(_output, 3, 0, RtmpMessageType.CommandAmf0, messageStreamId, payload.WrittenSpan);
        }

        public void WriteWindowAcknowledgementSize(uint size) => RtmpControlMessages.WriteWindowAcknowledgementSize(_writer, _output, size);

        public void WriteSetPeerBandwidth(uint size) => RtmpControlMessages.WriteSetPeerBandwidth(_writer, _output, size, RtmpControlMessages.LimitTypeDynamic);

        /// <summary>Announces a chunk size and chunks what follows with it.</summary>
        public void WriteSetChunkSize(int size)
        {
            RtmpControlMessages.WriteSetChunkSize(_writer, _output, size);
            _writer.ChunkSize = size;
        }

        public void WriteUserControl(ushort eventType, uint value) => RtmpControlMessages.WriteUserControl(_writer, _output, eventType, value);

        public byte[] TakeOutput()
        {
            var bytes = _output.WrittenSpan.ToArray();
            _output.ResetWrittenCount();
            return bytes;
        }
    }
}
