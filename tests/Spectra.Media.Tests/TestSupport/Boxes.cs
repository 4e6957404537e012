using System.Buffers.Binary;
using System.Text;

namespace Spectra.Media.Tests.TestSupport;

/// <summary>Hand-built ISO BMFF boxes for byte-exact tests.</summary>
internal static class Boxes
{
    public static byte[] Box(string type, params byte[][] payload)
    {
        var length = 8 + payload.Sum(p => p.Length);
        var box = new byte[length];
        BinaryPrimitives.WriteUInt32BigEndian(box, (uint)length);
        Encoding.ASCII.GetBytes(type, box.AsSpan(4));
        var offset = 8;
        foreach (var part in payload)
        {
            part.CopyTo(box, offset);
            offset += part.Length;
        }

        return box;
    }

    public static byte[] FullBox(string type, byte version, uint flags, params byte[][] payload) =>
        Box(type, [U32(((uint)version << 24) | flags), .. payload]);

    public static byte[] U8(byte value) => [value];

    public static byte[] U16(ushort value)
    {
        var b = new byte[2];
        BinaryPrimitives.WriteUInt16BigEndian(b, value);
        return b;
    }

    public static byte[] U32(uint value)
    {
        var b = new byte[4];
        BinaryPrimitives.WriteUInt32BigEndian(b, value);
        return b;
    }

    public static byte[] U64(ulong value)
    {
        var b = new byte[8];
        BinaryPrimitives.WriteUInt64BigEndian(b, value);
        return b;
    }

    public static byte[] Zeros(int count) => new byte[count];

    public static byte[] Concat(params byte[][] parts) => [.. parts.SelectMany(p => p)];

    /// <summary>Offset of the first top-level box of <paramref name="type"/> in <paramref name="file"/>.</summary>
    public static (int Offset, int Size) FindTopLevel(byte[] file, string type, int occurrence = 0)
    {
        var offset = 0;
        while (offset + 8 <= file.Length)
        {
            var size = (int)BinaryPrimitives.ReadUInt32BigEndian(file.AsSpan(offset));
            if (Encoding.ASCII.GetString(file, offset + 4, 4) == type && occurrence-- == 0)
            {
                return (offset, size);
            }

            offset += size;
        }

        throw new InvalidOperationException($"No top-level '{type}' in file.");
    }
}
