using System.Buffers;
using System.Buffers.Binary;

namespace Spectra.Media.Flv;

/// <summary>
/// Writes an FLV byte stream (Adobe FLV v10.1, annex E.2–E.4.1): the 9-byte header followed by
/// PreviousTagSize0, then for every tag an 11-byte tag header, the tag body and PreviousTagSize.
/// Pure byte-level code: the caller owns the destination.
/// </summary>
internal static class FlvWriter
{
    /// <summary>FLV header (9 bytes, E.2) plus PreviousTagSize0 (4 bytes, E.3).</summary>
    public const int HeaderLength = 9 + 4;

    /// <summary>Tag header (E.4.1): TagType UI8, DataSize UI24, Timestamp UI24, TimestampExtended UI8, StreamID UI24.</summary>
    public const int TagHeaderLength = 11;

    /// <summary>DataSize is a UI24: bodies are at most 16 MiB - 1.</summary>
    public const int MaxTagBodyLength = 0xFF_FFFF;

    /// <summary>
    /// Writes the FLV header and PreviousTagSize0.
    /// <code>
    /// 'F' 'L' 'V' | version=1 | flags: 00000 A 0 V | DataOffset UI32 = 9 | PreviousTagSize0 UI32 = 0
    /// </code>
    /// </summary>
    /// <returns>Bytes written (<see cref="HeaderLength"/>).</returns>
    public static int WriteHeader(Span<byte> destination, bool hasAudio, bool hasVideo)
    {
        if (destination.Length < HeaderLength)
        {
            throw new ArgumentException($"The destination needs {HeaderLength} bytes.", nameof(destination));
        }

        destination[0] = (byte)'F';
        destination[1] = (byte)'L';
        destination[2] = (byte)'V';
        destination[3] = 1;
        // TypeFlagsAudio is bit 2, TypeFlagsVideo bit 0 (E.2).
        destination[4] = (byte)((hasAudio ? 0x04 : 0) | (hasVideo ? 0x01 : 0));
        BinaryPrimitives.WriteUInt32BigEndian(destination[5..], 9);
        BinaryPrimitives.WriteUInt32BigEndian(destination[9..], 0);
        return HeaderLength;
    }

    /// <summary>Length of one tag as written by <see cref="WriteTag(Span{byte}, FlvTagType, uint, ReadOnlySpan{byte})"/>, PreviousTagSize included.</summary>
    public static int GetTagLength(int bodyLength) => TagHeaderLength + bodyLength + 4;

    /// <summary>
    /// Writes one tag and its trailing PreviousTagSize (E.3, E.4.1).
    /// <code>
    /// 00 0 TTTTT | DataSize UI24 | Timestamp UI24 (low bits, ms) | TimestampExtended UI8 (bits 31..24) | StreamID UI24 = 0
    /// body (DataSize bytes) | PreviousTagSize UI32 = 11 + DataSize
    /// </code>
    /// </summary>
    /// <param name="timestampMs">Absolute timestamp in milliseconds; all 32 bits are kept via TimestampExtended.</param>
    /// <returns>Bytes written (<see cref="GetTagLength"/>).</returns>
    public static int WriteTag(Span<byte> destination, FlvTagType type, uint timestampMs, ReadOnlySpan<byte> body)
    {
        if (body.Length > MaxTagBodyLength)
        {
            throw new ArgumentException($"An FLV tag body holds at most {MaxTagBodyLength} bytes; got {body.Length}.", nameof(body));
        }

        int length = GetTagLength(body.Length);
        if (destination.Length < length)
        {
            throw new ArgumentException($"The destination needs {length} bytes.", nameof(destination));
        }

        destination[0] = (byte)((byte)type & 0x1F); // Reserved=0, Filter=0 (not encrypted)
        WriteUInt24(destination[1..], (uint)body.Length);
        WriteUInt24(destination[4..], timestampMs & 0xFF_FFFF);
        destination[7] = (byte)(timestampMs >> 24);
        WriteUInt24(destination[8..], 0);
        body.CopyTo(destination[TagHeaderLength..]);
        BinaryPrimitives.WriteUInt32BigEndian(destination[(TagHeaderLength + body.Length)..], (uint)(TagHeaderLength + body.Length));
        return length;
    }

    /// <summary>Writes one tag into a buffer writer (for instance a pipe), requesting exactly the needed span.</summary>
    public static void WriteTag(IBufferWriter<byte> writer, FlvTagType type, uint timestampMs, ReadOnlySpan<byte> body)
    {
        ArgumentNullException.ThrowIfNull(writer);
        int length = GetTagLength(body.Length);
        int written = WriteTag(writer.GetSpan(length), type, timestampMs, body);
        writer.Advance(written);
    }

    /// <summary>Writes the header into a buffer writer.</summary>
    public static void WriteHeader(IBufferWriter<byte> writer, bool hasAudio, bool hasVideo)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.Advance(WriteHeader(writer.GetSpan(HeaderLength), hasAudio, hasVideo));
    }

    private static void WriteUInt24(Span<byte> destination, uint value)
    {
        destination[0] = (byte)(value >> 16);
        destination[1] = (byte)(value >> 8);
        destination[2] = (byte)value;
    }
}
