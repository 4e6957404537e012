using System.Buffers.Binary;

namespace Spectra.Media.Mp4.Internal;

/// <summary>
/// Big-endian writer of ISO BMFF boxes into a span sized by the caller. A box is opened with
/// <see cref="BeginBox"/> (size placeholder + type) and closed with <see cref="EndBox"/>, which
/// writes the 32-bit size (ISO/IEC 14496-12 §4.2).
/// </summary>
internal ref struct Mp4SpanWriter
{
    private readonly Span<byte> _buffer;

    public Mp4SpanWriter(Span<byte> buffer)
    {
        _buffer = buffer;
        Position = 0;
    }

    public int Position { get; private set; }

    public int BeginBox(Mp4BoxType type)
    {
        int start = Position;
        UInt32(0);
        UInt32(type.Value);
        return start;
    }

    /// <summary>A FullBox header (§4.2): version(8) flags(24).</summary>
    public int BeginFullBox(Mp4BoxType type, byte version, uint flags)
    {
        int start = BeginBox(type);
        UInt32(((uint)version << 24) | (flags & 0x00FF_FFFF));
        return start;
    }

    public readonly void EndBox(int start) =>
        BinaryPrimitives.WriteUInt32BigEndian(_buffer[start..], (uint)(Position - start));

    public void UInt8(byte value) => _buffer[Position++] = value;

    public void UInt16(ushort value)
    {
        BinaryPrimitives.WriteUInt16BigEndian(_buffer[Position..], value);
        Position += 2;
    }

    public void UInt32(uint value)
    {
        BinaryPrimitives.WriteUInt32BigEndian(_buffer[Position..], value);
        Position += 4;
    }

    public void Int32(int value)
    {
        BinaryPrimitives.WriteInt32BigEndian(_buffer[Position..], value);
        Position += 4;
    }

    public void UInt64(ulong value)
    {
        BinaryPrimitives.WriteUInt64BigEndian(_buffer[Position..], value);
        Position += 8;
    }

    public void Zeros(int count)
    {
        _buffer.Slice(Position, count).Clear();
        Position += count;
    }

    public void Bytes(scoped ReadOnlySpan<byte> bytes)
    {
        bytes.CopyTo(_buffer[Position..]);
        Position += bytes.Length;
    }

    /// <summary>The unity transformation matrix of mvhd/tkhd (§8.2.2.3): {0x00010000,0,0, 0,0x00010000,0, 0,0,0x40000000}.</summary>
    public void UnityMatrix()
    {
        ReadOnlySpan<uint> matrix = [0x0001_0000, 0, 0, 0, 0x0001_0000, 0, 0, 0, 0x4000_0000];
        foreach (uint value in matrix)
        {
            UInt32(value);
        }
    }
}
