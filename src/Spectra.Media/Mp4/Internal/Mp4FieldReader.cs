using System.Buffers.Binary;

namespace Spectra.Media.Mp4.Internal;

/// <summary>
/// Big-endian field reader over one box payload. Every read is bounds-checked and a short payload
/// throws <see cref="Mp4FormatException"/> naming the box, the field and its absolute offset.
/// </summary>
internal ref struct Mp4FieldReader
{
    private readonly ReadOnlySpan<byte> _data;
    private readonly long _offset;
    private readonly Mp4BoxType _box;

    public Mp4FieldReader(ReadOnlySpan<byte> data, long offset, Mp4BoxType box)
    {
        _data = data;
        _offset = offset;
        _box = box;
        Position = 0;
    }

    public int Position { get; private set; }

    public readonly int Remaining => _data.Length - Position;

    public readonly long AbsolutePosition => _offset + Position;

    public byte ReadUInt8(string field) => Take(1, field)[0];

    public ushort ReadUInt16(string field) => BinaryPrimitives.ReadUInt16BigEndian(Take(2, field));

    public uint ReadUInt24(string field)
    {
        var b = Take(3, field);
        return ((uint)b[0] << 16) | ((uint)b[1] << 8) | b[2];
    }

    public uint ReadUInt32(string field) => BinaryPrimitives.ReadUInt32BigEndian(Take(4, field));

    public int ReadInt32(string field) => BinaryPrimitives.ReadInt32BigEndian(Take(4, field));

    public ulong ReadUInt64(string field) => BinaryPrimitives.ReadUInt64BigEndian(Take(8, field));

    /// <summary>Reads a 32- or 64-bit unsigned field (version 0 or 1 of a full box).</summary>
    public ulong ReadUInt32Or64(bool wide, string field) => wide ? ReadUInt64(field) : ReadUInt32(field);

    /// <summary>Reads the version (8 bits) and flags (24 bits) of a FullBox (§4.2).</summary>
    public (byte Version, uint Flags) ReadFullBoxHeader()
    {
        var v = ReadUInt32("version/flags");
        return ((byte)(v >> 24), v & 0xFFFFFF);
    }

    public void Skip(int count, string field) => Take(count, field);

    public ReadOnlySpan<byte> ReadBytes(int count, string field) => Take(count, field);

    public readonly ReadOnlySpan<byte> Rest => _data[Position..];

    private ReadOnlySpan<byte> Take(int count, string field)
    {
        if (count < 0 || count > _data.Length - Position)
        {
            throw new Mp4FormatException(
                $"Box '{_box}' is truncated: field '{field}' at offset {_offset + Position} needs {count} bytes but {_data.Length - Position} remain.",
                _offset + Position,
                _box);
        }

        var slice = _data.Slice(Position, count);
        Position += count;
        return slice;
    }
}
