using System.Buffers.Binary;
using System.Text;

namespace Spectra.Media.Flv;

/// <summary>
/// Writes the body of an FLV SCRIPTDATA tag (type 18, FLV v10.1 annex E.4.4): the AMF0 string
/// "onMetaData" followed by an AMF0 ECMA array of the metadata values (AMF0 spec 2.5, 2.10).
/// The same bytes are an RTMP AMF0 data message (type 18).
/// </summary>
internal static class FlvScriptDataWriter
{
    private const byte Amf0Number = 0x00;
    private const byte Amf0Boolean = 0x01;
    private const byte Amf0String = 0x02;
    private const byte Amf0Null = 0x05;
    private const byte Amf0EcmaArray = 0x08;
    private const byte Amf0ObjectEnd = 0x09;

    /// <summary>
    /// <code>
    /// 02 000A "onMetaData" | 08 count UI32 | (key: UI16 length + UTF-8, value)* | 00 00 09
    /// value: 00 double (8 bytes, big-endian) | 01 bool (1 byte) | 02 UI16 length + UTF-8 | 05 (null)
    /// </code>
    /// Numbers (double, float, int, long), booleans, strings (up to 65535 UTF-8 bytes) and nulls are
    /// written; other values and longer strings or keys are left out.
    /// </summary>
    public static byte[] WriteOnMetaData(IReadOnlyDictionary<string, object?> metadata)
    {
        ArgumentNullException.ThrowIfNull(metadata);
        var output = new List<byte>(256);
        WriteString(output, "onMetaData");
        output.Add(Amf0EcmaArray);
        int countAt = output.Count;
        output.AddRange(stackalloc byte[4]);
        uint count = 0;
        Span<byte> number = stackalloc byte[8];
        foreach (var (key, value) in metadata)
        {
            if (Encoding.UTF8.GetByteCount(key) > ushort.MaxValue || !IsWritable(value))
            {
                continue;
            }

            WriteUtf8(output, key);
            switch (value)
            {
                case null:
                    output.Add(Amf0Null);
                    break;
                case bool b:
                    output.Add(Amf0Boolean);
                    output.Add(b ? (byte)1 : (byte)0);
                    break;
                case string s:
                    WriteString(output, s);
                    break;
                default:
                    output.Add(Amf0Number);
                    BinaryPrimitives.WriteDoubleBigEndian(number, Convert.ToDouble(value, System.Globalization.CultureInfo.InvariantCulture));
                    output.AddRange(number);
                    break;
            }

            count++;
        }

        output.Add(0);
        output.Add(0);
        output.Add(Amf0ObjectEnd);
        byte[] result = [.. output];
        BinaryPrimitives.WriteUInt32BigEndian(result.AsSpan(countAt), count);
        return result;
    }

    private static bool IsWritable(object? value) => value switch
    {
        null or bool or double or float or int or long => true,
        string s => Encoding.UTF8.GetByteCount(s) <= ushort.MaxValue,
        _ => false,
    };

    private static void WriteString(List<byte> output, string value)
    {
        output.Add(Amf0String);
        WriteUtf8(output, value);
    }

    private static void WriteUtf8(List<byte> output, string value)
    {
        byte[] bytes = Encoding.UTF8.GetBytes(value);
        output.Add((byte)(bytes.Length >> 8));
        output.Add((byte)bytes.Length);
        output.AddRange(bytes);
    }
}
