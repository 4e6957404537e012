using System.Buffers;
using System.Buffers.Binary;

namespace Spectra.Rtmp.Internal.Chunks;

/// <summary>
/// Splits messages into chunks (RTMP 1.0 §5.3): a fmt 0 chunk, then fmt 3 chunks of at most <see cref="ChunkSize"/> payload bytes each.
/// Timestamps of 0xFFFFFF or more use the extended timestamp field, repeated in every fmt 3 chunk (§5.3.1.3).
/// Pure: writes into any <see cref="IBufferWriter{T}"/>.
/// </summary>
internal sealed class RtmpChunkWriter
{
    private const uint ExtendedTimestampMarker = 0xFFFFFF;

    /// <summary>Payload bytes per chunk of what this side sends; announce changes with Set Chunk Size first (§5.4.1).</summary>
    public int ChunkSize { get; set; } = RtmpChunkReader.DefaultChunkSize;

    public void WriteMessage(IBufferWriter<byte> output, uint chunkStreamId, uint timestamp, byte typeId, uint messageStreamId, ReadOnlySpan<byte> payload)
    {
        if (chunkStreamId is < 2 or > RtmpChunkReader.MaxChunkStreamId)
        {
            throw new ArgumentOutOfRangeException(nameof(chunkStreamId), chunkStreamId, "Chunk stream ids are 2–65599 (RTMP 1.0 §5.3.1.1).");
        }

        if (payload.Length > 0xFFFFFF)
        {
            throw new ArgumentOutOfRangeException(nameof(payload), payload.Length, "Message length is a 24-bit field (RTMP 1.0 §6.1.1).");
        }

        var extended = timestamp >= ExtendedTimestampMarker;
        var span = output.GetSpan(3 + 11 + 4);
        var position = WriteBasicHeader(span, 0, chunkStreamId);
        WriteUInt24(span[position..], extended ? ExtendedTimestampMarker : timestamp);
        WriteUInt24(span[(position + 3)..], (uint)payload.Length);
        span[position + 6] = typeId;
        BinaryPrimitives.WriteUInt32LittleEndian(span[(position + 7)..], messageStreamId);
        position += 11;
        if (extended)
        {
            BinaryPrimitives.WriteUInt32BigEndian(span[position..], timestamp);
            position += 4;
        }

        output.Advance(position);

        var first = true;
        while (first || !payload.IsEmpty)
        {
            if (!first)
            {
                var header = output.GetSpan(3 + 4);
                var length = WriteBasicHeader(header, 3, chunkStreamId);
                if (extended)
                {
                    BinaryPrimitives.WriteUInt32BigEndian(header[length..], timestamp);
                    length += 4;
                }

                output.Advance(length);
            }

            first = false;
            var count = Math.Min(ChunkSize, payload.Length);
            output.Write(payload[..count]);
            payload = payload[count..];
        }
    }

    /// <summary>Writes the 1–3 byte basic header (§5.3.1.1) and returns its length.</summary>
    public static int WriteBasicHeader(Span<byte> span, int fmt, uint chunkStreamId)
    {
        if (chunkStreamId <= 63)
        {
            span[0] = (byte)((fmt << 6) | (int)chunkStreamId);
            return 1;
        }

        if (chunkStreamId <= 319)
        {
            span[0] = (byte)(fmt << 6);
            span[1] = (byte)(chunkStreamId - 64);
            return 2;
        }

        var value = chunkStreamId - 64;
        span[0] = (byte)((fmt << 6) | 1);
        span[1] = (byte)value;
        span[2] = (byte)(value >> 8);
        return 3;
    }

    private static void WriteUInt24(Span<byte> span, uint value)
    {
        span[0] = (byte)(value >> 16);
        span[1] = (byte)(value >> 8);
        span[2] = (byte)value;
    }
}
