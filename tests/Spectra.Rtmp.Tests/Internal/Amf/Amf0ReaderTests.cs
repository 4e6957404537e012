using Spectra.Rtmp.Internal.Amf;

namespace Spectra.Rtmp.Tests.Internal.Amf;

public sealed class Amf0ReaderTests
{
    private static object? Read(params byte[] data)
    {
        var reader = new Amf0Reader(data);
        var value = reader.ReadValue();
        Assert.True(reader.End);
        return value;
    }

    private static Amf0Exception ReadFails(params byte[] data)
        => Assert.Throws<Amf0Exception>(() =>
        {
            var reader = new Amf0Reader(data);
            while (!reader.End)
            {
                reader.ReadValue();
            }
        });

    [Fact]
    public void ReadValue_Number_ReturnsBigEndianDouble()
        => Assert.Equal(1.5, Read(0x00, 0x3F, 0xF8, 0, 0, 0, 0, 0, 0));

    [Fact]
    public void ReadValue_Boolean_NonZeroIsTrue()
    {
        Assert.Equal(true, Read(0x01, 0x01));
        Assert.Equal(true, Read(0x01, 0x7F));
        Assert.Equal(false, Read(0x01, 0x00));
    }

    [Fact]
    public void ReadValue_String_ReturnsUtf8()
        => Assert.Equal("liv\u00e9", Read(0x02, 0x00, 0x05, (byte)'l', (byte)'i', (byte)'v', 0xC3, 0xA9));

    [Fact]
    public void ReadValue_LongString_ReturnsUtf8()
        => Assert.Equal("ab", Read(0x0C, 0x00, 0x00, 0x00, 0x02, (byte)'a', (byte)'b'));

    [Fact]
    public void ReadValue_NullAndUndefined_ReturnNull()
    {
        Assert.Null(Read(0x05));
        Assert.Null(Read(0x06));
    }

    [Fact]
    public void ReadValue_Object_ReturnsProperties()
    {
        // { a: 1, b: "x" }
        var value = Read(
            0x03,
            0x00, 0x01, (byte)'a', 0x00, 0x3F, 0xF0, 0, 0, 0, 0, 0, 0,
            0x00, 0x01, (byte)'b', 0x02, 0x00, 0x01, (byte)'x',
            0x00, 0x00, 0x09);
        var properties = Assert.IsType<Dictionary<string, object?>>(value);
        Assert.Equal(2, properties.Count);
        Assert.Equal(1d, properties["a"]);
        Assert.Equal("x", properties["b"]);
    }

    [Fact]
    public void ReadValue_EcmaArray_IgnoresCountAndReadsToObjectEnd()
    {
        // The count says 5 but one property follows: the count is only a hint (AMF0 §2.10).
        var value = Read(0x08, 0, 0, 0, 5, 0x00, 0x01, (byte)'w', 0x01, 0x01, 0x00, 0x00, 0x09);
        var properties = Assert.IsType<Dictionary<string, object?>>(value);
        Assert.Equal(true, Assert.Single(properties).Value);
    }

    [Fact]
    public void ReadValue_StrictArray_ReturnsElements()
    {
        var value = Read(0x0A, 0, 0, 0, 2, 0x05, 0x02, 0x00, 0x01, (byte)'z');
        Assert.Equal(new object?[] { null, "z" }, Assert.IsType<object?[]>(value));
    }

    [Fact]
    public void ReadValue_Date_ReturnsUtcDateTime()
    {
        // 86400000 ms = 1970-01-02, time-zone 0
        var value = Read(0x0B, 0x41, 0x94, 0x99, 0x70, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00);
        Assert.Equal(new DateTime(1970, 1, 2, 0, 0, 0, DateTimeKind.Utc), value);
    }

    [Fact]
    public void ReadValue_NestedObject_ReturnsNestedDictionary()
    {
        var value = Read(0x03, 0x00, 0x01, (byte)'o', 0x03, 0x00, 0x00, 0x09, 0x00, 0x00, 0x09);
        var inner = Assert.IsType<Dictionary<string, object?>>(Assert.IsType<Dictionary<string, object?>>(value)["o"]);
        Assert.Empty(inner);
    }

    [Fact]
    public void ReadValue_TruncatedNumber_ThrowsWithOffset()
    {
        var ex = ReadFails(0x00, 0x3F, 0xF0);
        Assert.Equal(1, ex.Offset);
        Assert.Contains("expected 8 bytes but 2 remain", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ReadValue_StringLongerThanData_ThrowsBeforeAllocating()
    {
        var ex = ReadFails(0x0C, 0xFF, 0xFF, 0xFF, 0xFF, (byte)'a');
        Assert.Contains("declares 4294967295 bytes but only 1 remain", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ReadValue_StrictArrayCountLargerThanData_Throws()
    {
        var ex = ReadFails(0x0A, 0x7F, 0xFF, 0xFF, 0xFF, 0x05);
        Assert.Contains("Strict array declares 2147483647 elements but only 1 bytes remain", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ReadValue_NestingBeyondLimit_Throws()
    {
        var data = new List<byte>();
        for (var i = 0; i <= Amf0Reader.MaxDepth; i++)
        {
            data.AddRange([0x0A, 0, 0, 0, 1]);
        }

        data.Add(0x05);
        var ex = ReadFails([.. data]);
        Assert.Contains($"Nesting deeper than {Amf0Reader.MaxDepth}", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ReadValue_TooManyValues_Throws()
    {
        var data = new List<byte> { 0x0A };
        data.AddRange(BitConverter.IsLittleEndian ? BitConverter.GetBytes(Amf0Reader.MaxValues + 1).Reverse() : BitConverter.GetBytes(Amf0Reader.MaxValues + 1));
        data.AddRange(Enumerable.Repeat((byte)0x05, Amf0Reader.MaxValues + 1));
        var ex = ReadFails([.. data]);
        Assert.Contains($"More than {Amf0Reader.MaxValues} AMF0 values", ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(0x07)]
    [InlineData(0x0D)]
    [InlineData(0x10)]
    [InlineData(0x11)]
    [InlineData(0xFF)]
    public void ReadValue_UnsupportedMarker_Throws(byte marker)
    {
        var ex = ReadFails(marker, 0, 0);
        Assert.Contains($"Unsupported AMF0 marker 0x{marker:X2}", ex.Message, StringComparison.Ordinal);
        Assert.Equal(0, ex.Offset);
    }

    [Fact]
    public void ReadValue_StrayObjectEnd_Throws()
        => Assert.Contains("Unexpected object-end marker", ReadFails(0x09).Message, StringComparison.Ordinal);

    [Fact]
    public void ReadValue_ObjectWithoutEndMarker_Throws()
    {
        var ex = ReadFails(0x03, 0x00, 0x00, 0x05);
        Assert.Contains("Empty property name not followed by the object-end marker", ex.Message, StringComparison.Ordinal);
        Assert.Equal(3, ex.Offset);
    }

    [Fact]
    public void ReadValue_ObjectCutShort_Throws()
        => Assert.Contains("Unexpected end of data", ReadFails(0x03, 0x00, 0x01, (byte)'a').Message, StringComparison.Ordinal);

    [Fact]
    public void ReadValue_InvalidUtf8_Throws()
        => Assert.Contains("not valid UTF-8", ReadFails(0x02, 0x00, 0x02, 0xC3, 0x28).Message, StringComparison.Ordinal);

    [Fact]
    public void ReadString_OtherType_Throws()
    {
        var ex = Assert.Throws<Amf0Exception>(() => new Amf0Reader([0x05]).ReadString());
        Assert.Contains("Expected a string, found marker 0x05", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ReadNumber_OtherType_Throws()
    {
        var ex = Assert.Throws<Amf0Exception>(() => new Amf0Reader([0x02, 0, 0]).ReadNumber());
        Assert.Contains("Expected a number, found marker 0x02", ex.Message, StringComparison.Ordinal);
    }
}
