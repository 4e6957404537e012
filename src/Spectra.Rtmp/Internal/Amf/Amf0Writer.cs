using System.Buffers;
using System.Buffers.Binary;
using System.Collections;
using System.Text;

namespace Spectra.Rtmp.Internal.Amf;

/// <summary>
/// Encodes AMF0 values (AMF0 specification §2) into an <see cref="IBufferWriter{T}"/>.
/// <see cref="WriteValue"/> maps .NET values the same way <see cref="Amf0Reader"/> produces them.
/// </summary>
internal static class Amf0Writer
{
    public static void WriteNumber(IBufferWriter<byte> output, double value)
    {
        var span = output.GetSpan(9);
        span[0] = (byte)Amf0Marker.Number;
        BinaryPrimitives.WriteDoubleBigEndian(span[1..], value);
        output.Advance(9);
    }

    public static void WriteBoolean(IBufferWriter<byte> output, bool value)
    {
        var span = output.GetSpan(2);
        span[0] = (byte)Amf0Marker.Boolean;
        span[1] = value ? (byte)1 : (byte)0;
        output.Advance(2);
    }

    /// <summary>Writes a string (§2.4), or a long string (§2.14) when its UTF-8 form exceeds 65535 bytes.</summary>
    public static void WriteString(IBufferWriter<byte> output, string value)
    {
        var length = Encoding.UTF8.GetByteCount(value);
        if (length > ushort.MaxValue)
        {
            var span = output.GetSpan(5 + length);
            span[0] = (byte)Amf0Marker.LongString;
            BinaryPrimitives.WriteUInt32BigEndian(span[1..], (uint)length);
            Encoding.UTF8.GetBytes(value, span[5..]);
            output.Advance(5 + length);
        }
        else
        {
            var span = output.GetSpan(1);
            span[0] = (byte)Amf0Marker.String;
            output.Advance(1);
            WriteUtf8(output, value, length);
        }
    }

    public static void WriteNull(IBufferWriter<byte> output) => WriteMarker(output, Amf0Marker.Null);

    public static void WriteUndefined(IBufferWriter<byte> output) => WriteMarker(output, Amf0Marker.Undefined);

    public static void WriteObjectStart(IBufferWriter<byte> output) => WriteMarker(output, Amf0Marker.Object);

    /// <summary>Writes a property name (UTF-8 without marker, §2.5); follow it with one value.</summary>
    public static void WritePropertyName(IBufferWriter<byte> output, string name)
    {
        var length = Encoding.UTF8.GetByteCount(name);
        if (length is 0 or > ushort.MaxValue)
        {
            throw new ArgumentException("AMF0 property names are 1–65535 UTF-8 bytes.", nameof(name));
        }

        WriteUtf8(output, name, length);
    }

    /// <summary>Ends an object or ECMA array: empty name then object-end marker (00 00 09).</summary>
    public static void WriteObjectEnd(IBufferWriter<byte> output)
    {
        var span = output.GetSpan(3);
        span[0] = 0;
        span[1] = 0;
        span[2] = (byte)Amf0Marker.ObjectEnd;
        output.Advance(3);
    }

    public static void WriteProperty(IBufferWriter<byte> output, string name, object? value)
    {
        WritePropertyName(output, name);
        WriteValue(output, value);
    }

    /// <summary>Writes an ECMA array (§2.10): U32 associative count, then properties and the object end.</summary>
    public static void WriteEcmaArray(IBufferWriter<byte> output, IReadOnlyDictionary<string, object?> properties)
    {
        var span = output.GetSpan(5);
        span[0] = (byte)Amf0Marker.EcmaArray;
        BinaryPrimitives.WriteUInt32BigEndian(span[1..], (uint)properties.Count);
        output.Advance(5);
        foreach (var (name, value) in properties)
        {
            WriteProperty(output, name, value);
        }

        WriteObjectEnd(output);
    }

    /// <summary>Writes a date (§2.13): milliseconds since the Unix epoch, time-zone 0.</summary>
    public static void WriteDate(IBufferWriter<byte> output, DateTime value)
    {
        var span = output.GetSpan(11);
        span[0] = (byte)Amf0Marker.Date;
        var ms = (value.ToUniversalTime() - DateTime.UnixEpoch).TotalMilliseconds;
        BinaryPrimitives.WriteDoubleBigEndian(span[1..], ms);
        span[9] = 0;
        span[10] = 0;
        output.Advance(11);
    }

    /// <summary>
    /// Writes any supported value: null, <see cref="Amf0Undefined"/>, numbers (as double), bool, string, <see cref="DateTime"/>,
    /// dictionaries of string keys (as objects), other <see cref="IList"/>s (as strict arrays).
    /// </summary>
    public static void WriteValue(IBufferWriter<byte> output, object? value)
    {
        switch (value)
        {
            case null:
                WriteNull(output);
                break;
            case Amf0Undefined:
                WriteUndefined(output);
                break;
            case bool b:
                WriteBoolean(output, b);
                break;
            case string s:
                WriteString(output, s);
                break;
            case double d:
                WriteNumber(output, d);
                break;
            case int i:
                WriteNumber(output, i);
                break;
            case uint u:
                WriteNumber(output, u);
                break;
            case long l:
                WriteNumber(output, l);
                break;
            case DateTime dt:
                WriteDate(output, dt);
                break;
            case IEnumerable<KeyValuePair<string, object?>> properties:
                WriteObjectStart(output);
                foreach (var (name, item) in properties)
                {
                    WriteProperty(output, name, item);
                }

                WriteObjectEnd(output);
                break;
            case IList list:
            {
                var span = output.GetSpan(5);
                span[0] = (byte)Amf0Marker.StrictArray;
                BinaryPrimitives.WriteUInt32BigEndian(span[1..], (uint)list.Count);
                output.Advance(5);
                foreach (var item in list)
                {
                    WriteValue(output, item);
                }

                break;
            }

            default:
                throw new ArgumentException($"Type {value.GetType()} has no AMF0 mapping.", nameof(value));
        }
    }

    private static void WriteMarker(IBufferWriter<byte> output, Amf0Marker marker)
    {
        output.GetSpan(1)[0] = (byte)marker;
        output.Advance(1);
    }

    private static void WriteUtf8(IBufferWriter<byte> output, string value, int length)
    {
        var span = output.GetSpan(2 + length);
        BinaryPrimitives.WriteUInt16BigEndian(span, (ushort)length);
        Encoding.UTF8.GetBytes(value, span[2..]);
        output.Advance(2 + length);
    }
}
