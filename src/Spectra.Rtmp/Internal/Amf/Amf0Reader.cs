using System.Buffers.Binary;
using System.Text;

namespace Spectra.Rtmp.Internal.Amf;

/// <summary>
/// Decodes AMF0 values (AMF0 specification, Adobe 2007) from one contiguous buffer.
/// Values map to: number → <see cref="double"/>, boolean → <see cref="bool"/>, string and long string → <see cref="string"/>,
/// object and ECMA array → <see cref="Dictionary{TKey,TValue}"/> of string to object?, strict array → <c>object?[]</c>,
/// date → UTC <see cref="DateTime"/>, null and undefined → null.
/// Limits: nesting depth <see cref="MaxDepth"/>, at most <see cref="MaxValues"/> values per reader; every declared length or count
/// is checked against the bytes that remain before anything is allocated for it.
/// </summary>
internal ref struct Amf0Reader
{
    /// <summary>Deepest nesting of objects/arrays; RTMP commands and metadata use 2–3 levels.</summary>
    public const int MaxDepth = 16;

    /// <summary>Most values (including nested ones and property keys' values) a single reader decodes.</summary>
    public const int MaxValues = 8192;

    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    private readonly ReadOnlySpan<byte> _data;
    private int _position;
    private int _values;

    public Amf0Reader(ReadOnlySpan<byte> data)
    {
        _data = data;
        _position = 0;
        _values = 0;
    }

    public readonly int Position => _position;

    public readonly bool End => _position >= _data.Length;

    public readonly int Remaining => _data.Length - _position;

    public object? ReadValue() => ReadValue(0);

    /// <summary>Reads a value that must be a number (§2.2).</summary>
    public double ReadNumber()
    {
        var start = _position;
        var marker = ReadMarker();
        if (marker != Amf0Marker.Number)
        {
            throw new Amf0Exception($"Expected a number, found marker 0x{(byte)marker:X2}", start);
        }

        return ReadDouble();
    }

    /// <summary>Reads a value that must be a string or long string (§2.4, §2.14).</summary>
    public string ReadString()
    {
        var start = _position;
        var marker = ReadMarker();
        return marker switch
        {
            Amf0Marker.String => ReadUtf8(ReadUInt16()),
            Amf0Marker.LongString => ReadUtf8(ReadUInt32()),
            _ => throw new Amf0Exception($"Expected a string, found marker 0x{(byte)marker:X2}", start),
        };
    }

    private object? ReadValue(int depth)
    {
        var start = _position;
        if (++_values > MaxValues)
        {
            throw new Amf0Exception($"More than {MaxValues} AMF0 values", start);
        }

        var marker = ReadMarker();
        switch (marker)
        {
            case Amf0Marker.Number:
                return ReadDouble();
            case Amf0Marker.Boolean:
                return ReadByte() != 0;
            case Amf0Marker.String:
                return ReadUtf8(ReadUInt16());
            case Amf0Marker.LongString:
                return ReadUtf8(ReadUInt32());
            case Amf0Marker.Null:
            case Amf0Marker.Undefined:
                return null;
            case Amf0Marker.Object:
                EnterContainer(depth, start);
                return ReadProperties(depth + 1, new Dictionary<string, object?>(StringComparer.Ordinal));
            case Amf0Marker.EcmaArray:
            {
                EnterContainer(depth, start);

                // §2.10: the associative count is a hint only; the array ends with an object-end marker like an object.
                _ = ReadUInt32();
                return ReadProperties(depth + 1, new Dictionary<string, object?>(StringComparer.Ordinal));
            }

            case Amf0Marker.StrictArray:
            {
                EnterContainer(depth, start);
                var count = ReadUInt32();

                // Every element takes at least one byte (its marker): reject impossible counts before allocating.
                if (count > (uint)Remaining)
                {
                    throw new Amf0Exception($"Strict array declares {count} elements but only {Remaining} bytes remain", start);
                }

                var items = new object?[(int)count];
                for (var i = 0; i < items.Length; i++)
                {
                    items[i] = ReadValue(depth + 1);
                }

                return items;
            }

            case Amf0Marker.Date:
            {
                // §2.13: DOUBLE milliseconds since 1970-01-01 UTC, then S16 time-zone (reserved, should be 0x0000).
                var ms = ReadDouble();
                _ = ReadUInt16();
                if (double.IsNaN(ms) || ms < -62135596800000d || ms > 253402300799999d)
                {
                    throw new Amf0Exception($"Date {ms} ms is outside the representable range", start);
                }

                return DateTime.UnixEpoch.AddMilliseconds(ms);
            }

            case Amf0Marker.ObjectEnd:
                throw new Amf0Exception("Unexpected object-end marker", start);
            default:
                throw new Amf0Exception($"Unsupported AMF0 marker 0x{(byte)marker:X2}", start);
        }
    }

    private readonly void EnterContainer(int depth, int start)
    {
        if (depth >= MaxDepth)
        {
            throw new Amf0Exception($"Nesting deeper than {MaxDepth}", start);
        }
    }

    // §2.5 object-property*: UTF-8 (U16 length) key, value; terminated by an empty key followed by object-end (0x00 0x00 0x09).
    private Dictionary<string, object?> ReadProperties(int depth, Dictionary<string, object?> properties)
    {
        while (true)
        {
            var keyLength = ReadUInt16();
            if (keyLength == 0)
            {
                var endStart = _position;
                if (ReadMarker() != Amf0Marker.ObjectEnd)
                {
                    throw new Amf0Exception("Empty property name not followed by the object-end marker", endStart);
                }

                return properties;
            }

            var key = ReadUtf8(keyLength);
            var value = ReadValue(depth);

            // Duplicate keys: the last one wins, like the ActionScript runtime.
            properties[key] = value;
        }
    }

    private Amf0Marker ReadMarker() => (Amf0Marker)ReadByte();

    private byte ReadByte()
    {
        if (_position >= _data.Length)
        {
            throw new Amf0Exception("Unexpected end of data, expected 1 byte", _position);
        }

        return _data[_position++];
    }

    private ushort ReadUInt16() => BinaryPrimitives.ReadUInt16BigEndian(Take(2));

    private uint ReadUInt32() => BinaryPrimitives.ReadUInt32BigEndian(Take(4));

    private double ReadDouble() => BinaryPrimitives.ReadDoubleBigEndian(Take(8));

    private string ReadUtf8(uint length)
    {
        var start = _position;
        if (length > (uint)Remaining)
        {
            throw new Amf0Exception($"String declares {length} bytes but only {Remaining} remain", start);
        }

        var bytes = Take((int)length);
        try
        {
            return StrictUtf8.GetString(bytes);
        }
        catch (DecoderFallbackException)
        {
            throw new Amf0Exception("String is not valid UTF-8", start);
        }
    }

    private ReadOnlySpan<byte> Take(int count)
    {
        if (count > Remaining)
        {
            throw new Amf0Exception($"Unexpected end of data, expected {count} bytes but {Remaining} remain", _position);
        }

        var span = _data.Slice(_position, count);
        _position += count;
        return span;
    }
}
