using System.Buffers;
using Spectra.Rtmp.Internal.Chunks;
using Spectra.Rtmp.Internal.Commands;

namespace Spectra.Rtmp.Internal.Client;

/// <summary>
/// The byte-level state of a publishing client after the handshake: it turns what the server sends into replies and
/// state changes, and chunks what the client publishes. No I/O: the caller feeds received bytes and sends what is
/// written to the output.
/// <code>
/// client                                   server
/// Set Chunk Size, connect(1)          ─▶
///                                     ◀─   Window Ack Size, Set Peer Bandwidth, Set Chunk Size, _result(1)
/// releaseStream(2), FCPublish(3),
/// createStream(4)                     ─▶
///                                     ◀─   _result(4, stream id)
/// publish(0, key, "live") on stream   ─▶
///                                     ◀─   onStatus NetStream.Publish.Start
/// @setDataFrame, audio, video ...     ─▶   (Acknowledgement every window)
/// </code>
/// Commands go on chunk stream 3, data on 4, audio on 5, video on 6 (the ids are free, §5.3.1.1).
/// </summary>
internal sealed class RtmpPublishProtocol : IDisposable
{
    public const uint CommandChunkStreamId = 3;
    public const uint DataChunkStreamId = 4;
    public const uint AudioChunkStreamId = 5;
    public const uint VideoChunkStreamId = 6;

    private const double ConnectTransaction = 1;
    private const double ReleaseStreamTransaction = 2;
    private const double FCPublishTransaction = 3;
    private const double CreateStreamTransaction = 4;

    /// <summary>Largest message accepted from the server: commands and control only, never media.</summary>
    private const int MaxIncomingMessageSize = 64 * 1024;

    private readonly RtmpChunkReader _reader = new(MaxIncomingMessageSize, maxChunkStreams: 16, maxHeldBytes: 256 * 1024);
    private readonly RtmpChunkWriter _writer = new();
    private readonly string _app;
    private readonly string _tcUrl;
    private readonly string _streamName;
    private long _received;
    private long _acknowledged;
    private uint _acknowledgementWindow;

    public RtmpPublishProtocol(string app, string tcUrl, string streamName)
    {
        _app = app;
        _tcUrl = tcUrl;
        _streamName = streamName;
    }

    public RtmpPublishState State { get; private set; } = RtmpPublishState.Connecting;

    /// <summary>The message stream id createStream returned; 0 before.</summary>
    public uint MessageStreamId { get; private set; }

    /// <summary>Bytes received since the handshake.</summary>
    public long BytesReceived => _received;

    /// <summary>The server's acknowledgement window (§5.4.4); 0 until it sends one.</summary>
    public uint AcknowledgementWindow => _acknowledgementWindow;

    /// <summary>Payload bytes per chunk this client sends.</summary>
    public int OutgoingChunkSize => _writer.ChunkSize;

    /// <summary>Announces the outgoing chunk size (§5.4.1) and sends connect.</summary>
    /// <param name="chunkSize">1–16777215 bytes; larger chunks mean fewer headers per video frame.</param>
    public void Start(IBufferWriter<byte> output, int chunkSize, string flashVersion)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(chunkSize, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(chunkSize, 0xFFFFFF);
        RtmpControlMessages.WriteSetChunkSize(_writer, output, chunkSize);
        _writer.ChunkSize = chunkSize;
        WriteCommand(output, 0, buffer => RtmpPublishCommands.WriteConnect(buffer, ConnectTransaction, _app, _tcUrl, flashVersion));
    }

    /// <summary>
    /// Consumes whole messages from <paramref name="input"/>, writing replies to <paramref name="output"/>. Partial
    /// chunks stay in the reader's state or unconsumed.
    /// </summary>
    /// <exception cref="RtmpPublishException">The server refused (connect, createStream or publish) or closed the stream.</exception>
    /// <exception cref="RtmpProtocolException">The server broke the chunk protocol.</exception>
    public void Process(ref SequenceReader<byte> input, IBufferWriter<byte> output)
    {
        var start = input.Consumed;
        var batchStart = _received;
        while (_reader.TryReadMessage(ref input, out var message))
        {
            Handle(message, output);
            _received = batchStart + (input.Consumed - start);
            AcknowledgeIfDue(output);
        }

        _received = batchStart + (input.Consumed - start);
        AcknowledgeIfDue(output);
    }

    /// <summary>An audio or video message: an FLV AUDIODATA/VIDEODATA body with its timestamp in ms.</summary>
    public void WriteMedia(IBufferWriter<byte> output, RtmpMediaType type, uint timestampMs, ReadOnlySpan<byte> body)
    {
        var chunkStream = type == RtmpMediaType.Audio ? AudioChunkStreamId : VideoChunkStreamId;
        _writer.WriteMessage(output, chunkStream, timestampMs, (byte)type, MessageStreamId, body);
    }

    /// <summary>@setDataFrame with an FLV SCRIPTDATA body ("onMetaData" and its array) as an AMF0 data message (type 18).</summary>
    public void WriteDataFrame(IBufferWriter<byte> output, ReadOnlySpan<byte> scriptDataBody)
    {
        var payload = new ArrayBufferWriter<byte>(scriptDataBody.Length + 16);
        RtmpPublishCommands.WriteSetDataFrame(payload, scriptDataBody);
        _writer.WriteMessage(output, DataChunkStreamId, 0, RtmpMessageType.DataAmf0, MessageStreamId, payload.WrittenSpan);
    }

    /// <summary>FCUnpublish and deleteStream: a polite end before closing the connection.</summary>
    public void WriteUnpublish(IBufferWriter<byte> output)
    {
        if (State != RtmpPublishState.Publishing)
        {
            return;
        }

        WriteCommand(output, 0, buffer => RtmpPublishCommands.WriteStreamNameCommand(buffer, "FCUnpublish", 0, _streamName));
        WriteCommand(output, 0, buffer => RtmpPublishCommands.WriteDeleteStream(buffer, MessageStreamId));
    }

    public void Dispose() => _reader.Dispose();

    private void Handle(RtmpMessage message, IBufferWriter<byte> output)
    {
        switch (message.Header.TypeId)
        {
            case RtmpMessageType.SetChunkSize:
                _reader.SetChunkSize(RtmpControlMessages.ReadUInt32(message.Payload, "Set Chunk Size") & 0x7FFFFFFF);
                break;
            case RtmpMessageType.Abort:
                _reader.Abort(RtmpControlMessages.ReadUInt32(message.Payload, "Abort"));
                break;
            case RtmpMessageType.WindowAcknowledgementSize:
                _acknowledgementWindow = RtmpControlMessages.ReadUInt32(message.Payload, "Window Acknowledgement Size");
                break;
            case RtmpMessageType.UserControl:
                HandleUserControl(message.Payload, output);
                break;
            case RtmpMessageType.CommandAmf0:
                HandleCommand(RtmpCommand.Parse(message.Payload), output);
                break;
            case RtmpMessageType.CommandAmf3 when message.Payload.Length > 0:
                HandleCommand(RtmpCommand.Parse(message.Payload[1..]), output);
                break;
            default:
                // Acknowledgement, Set Peer Bandwidth, data messages: nothing a publisher must act on.
                break;
        }
    }

    // §7.1.7: a Ping Request's 4-byte timestamp comes back in a Ping Response.
    private void HandleUserControl(ReadOnlySpan<byte> payload, IBufferWriter<byte> output)
    {
        if (payload.Length >= 6 && System.Buffers.Binary.BinaryPrimitives.ReadUInt16BigEndian(payload) == RtmpControlMessages.PingRequest)
        {
            var value = System.Buffers.Binary.BinaryPrimitives.ReadUInt32BigEndian(payload[2..]);
            RtmpControlMessages.WriteUserControl(_writer, output, RtmpControlMessages.PingResponse, value);
        }
    }

    private void HandleCommand(RtmpCommand command, IBufferWriter<byte> output)
    {
        switch (command.Name)
        {
            case "_result" when command.TransactionId == ConnectTransaction && State == RtmpPublishState.Connecting:
                WriteCommand(output, 0, buffer => RtmpPublishCommands.WriteStreamNameCommand(buffer, "releaseStream", ReleaseStreamTransaction, _streamName));
                WriteCommand(output, 0, buffer => RtmpPublishCommands.WriteStreamNameCommand(buffer, "FCPublish", FCPublishTransaction, _streamName));
                WriteCommand(output, 0, buffer => RtmpPublishCommands.WriteCreateStream(buffer, CreateStreamTransaction));
                State = RtmpPublishState.CreatingStream;
                break;
            case "_result" when command.TransactionId == CreateStreamTransaction && State == RtmpPublishState.CreatingStream:
                if (command.GetArgument(0) is not double id || id is < 1 or > uint.MaxValue)
                {
                    throw new RtmpPublishException("The server's createStream result carries no stream id");
                }

                MessageStreamId = (uint)id;
                WriteCommand(output, MessageStreamId, buffer => RtmpPublishCommands.WritePublish(buffer, _streamName));
                State = RtmpPublishState.StartingPublish;
                break;
            case "_error" when command.TransactionId is ConnectTransaction or CreateStreamTransaction:
                throw new RtmpPublishException(
                    $"The server refused {(command.TransactionId == ConnectTransaction ? "connect" : "createStream")}: {Describe(command)}", isRefusal: true);
            case "onStatus":
                HandleStatus(command);
                break;
            default:
                // _result/_error of releaseStream and FCPublish, onBWDone, onFCPublish: informational.
                break;
        }
    }

    private void HandleStatus(RtmpCommand command)
    {
        var info = command.GetArgument(0) as IReadOnlyDictionary<string, object?>;
        var code = info?.GetValueOrDefault("code") as string ?? string.Empty;
        var level = info?.GetValueOrDefault("level") as string ?? string.Empty;
        if (code == RtmpCommandWriter.PublishStart)
        {
            State = RtmpPublishState.Publishing;
            return;
        }

        if (string.Equals(level, "error", StringComparison.OrdinalIgnoreCase)
            || code is RtmpCommandWriter.PublishBadName or "NetStream.Publish.Rejected" or "NetStream.Publish.Denied" or "NetConnection.Connect.Closed")
        {
            throw new RtmpPublishException($"The server ended the publish: {Describe(command)}", isRefusal: true);
        }
    }

    /// <summary>"code: description" of a status or error object, cut to a sane length for logs and the dashboard.</summary>
    private static string Describe(RtmpCommand command)
    {
        var info = command.GetArgument(0) as IReadOnlyDictionary<string, object?>;
        var code = info?.GetValueOrDefault("code") as string ?? "no code";
        var description = info?.GetValueOrDefault("description") as string;
        var text = string.IsNullOrEmpty(description) ? code : $"{code}: {description}";
        return text.Length > 200 ? text[..200] : text;
    }

    private void AcknowledgeIfDue(IBufferWriter<byte> output)
    {
        // §5.4.3: acknowledge once the peer's window of bytes has arrived since the last acknowledgement.
        if (_acknowledgementWindow > 0 && _received - _acknowledged >= _acknowledgementWindow)
        {
            _acknowledged = _received;
            RtmpControlMessages.WriteAcknowledgement(_writer, output, unchecked((uint)_received));
        }
    }

    private void WriteCommand(IBufferWriter<byte> output, uint messageStreamId, Action<IBufferWriter<byte>> write)
    {
        var payload = new ArrayBufferWriter<byte>(256);
        write(payload);
        _writer.WriteMessage(output, CommandChunkStreamId, 0, RtmpMessageType.CommandAmf0, messageStreamId, payload.WrittenSpan);
    }
}
