using System.Buffers;
using System.Buffers.Binary;

namespace Spectra.Rtmp.Internal.Chunks;

/// <summary>
/// Protocol control messages (RTMP 1.0 §5.4) and user control events (§6.2, §7.1.7). Both travel on chunk stream 2,
/// message stream 0. Payloads are big endian.
/// </summary>
internal static class RtmpControlMessages
{
    public const uint ControlChunkStreamId = 2;

    public const ushort StreamBegin = 0;
    public const ushort StreamEof = 1;
    public const ushort StreamDry = 2;
    public const ushort SetBufferLength = 3;
    public const ushort StreamIsRecorded = 4;
    public const ushort PingRequest = 6;
    public const ushort PingResponse = 7;

    /// <summary>Set Peer Bandwidth limit type 2, dynamic (§5.4.5).</summary>
    public const byte LimitTypeDynamic = 2;

    // §5.4.1: 0 | chunk size (31 bits)
    public static void WriteSetChunkSize(RtmpChunkWriter writer, IBufferWriter<byte> output, int size)
        => WriteUInt32Message(writer, output, RtmpMessageType.SetChunkSize, (uint)size);

    // §5.4.3: sequence number (32 bits) = bytes received so far, modulo 2^32
    public static void WriteAcknowledgement(RtmpChunkWriter writer, IBufferWriter<byte> output, uint sequenceNumber)
        => WriteUInt32Message(writer, output, RtmpMessageType.Acknowledgement, sequenceNumber);

    // §5.4.4: acknowledgement window size (32 bits)
    public static void WriteWindowAcknowledgementSize(RtmpChunkWriter writer, IBufferWriter<byte> output, uint size)
        => WriteUInt32Message(writer, output, RtmpMessageType.WindowAcknowledgementSize, size);

    // §5.4.5: acknowledgement window size (32 bits) | limit type (8 bits)
    public static void WriteSetPeerBandwidth(RtmpChunkWriter writer, IBufferWriter<byte> output, uint size, byte limitType)
    {
        Span<byte> payload = stackalloc byte[5];
        BinaryPrimitives.WriteUInt32BigEndian(payload, size);
        payload[4] = limitType;
        writer.WriteMessage(output, ControlChunkStreamId, 0, RtmpMessageType.SetPeerBandwidth, 0, payload);
    }

    // §7.1.7: event type (16 bits) | event data (StreamBegin/Ping: 32 bits)
    public static void WriteUserControl(RtmpChunkWriter writer, IBufferWriter<byte> output, ushort eventType, uint value)
    {
        Span<byte> payload = stackalloc byte[6];
        BinaryPrimitives.WriteUInt16BigEndian(payload, eventType);
        BinaryPrimitives.WriteUInt32BigEndian(payload[2..], value);
        writer.WriteMessage(output, ControlChunkStreamId, 0, RtmpMessageType.UserControl, 0, payload);
    }

    /// <summary>Reads the 32-bit value of Set Chunk Size, Abort, Acknowledgement or Window Acknowledgement Size.</summary>
    public static uint ReadUInt32(ReadOnlySpan<byte> payload, string messageName)
    {
        if (payload.Length < 4)
        {
            throw new RtmpProtocolException($"{messageName} message has {payload.Length} bytes, expected 4 (RTMP 1.0 §5.4)");
        }

        return BinaryPrimitives.ReadUInt32BigEndian(payload);
    }

    private static void WriteUInt32Message(RtmpChunkWriter writer, IBufferWriter<byte> output, byte typeId, uint value)
    {
        Span<byte> payload = stackalloc byte[4];
        BinaryPrimitives.WriteUInt32BigEndian(payload, value);
        writer.WriteMessage(output, ControlChunkStreamId, 0, typeId, 0, payload);
    }
}
