using System.Buffers;
using FsCheck;
using FsCheck.Fluent;
using Spectra.Rtmp.Internal.Amf;

namespace Spectra.Rtmp.Tests.Internal.Amf;

public sealed class Amf0WriterTests
{
    private static byte[] Write(object? value)
    {
        var output = new ArrayBufferWriter<byte>();
        Amf0Writer.WriteValue(output, value);
        return output.WrittenSpan.ToArray();
    }

    [Fact]
    public void WriteValue_Number_WritesMarkerAndBigEndianDouble()
        => Assert.Equal(new byte[] { 0x00, 0x40, 0x9F, 0x40, 0, 0, 0, 0, 0 }, Write(2000d));

    [Fact]
    public void WriteValue_Scalars_WriteGoldenBytes()
    {
        Assert.Equal(new byte[] { 0x01, 0x01 }, Write(true));
        Assert.Equal(new byte[] { 0x05 }, Write(null));
        Assert.Equal(new byte[] { 0x06 }, Write(Amf0Undefined.Value));
        Assert.Equal(new byte[] { 0x02, 0x00, 0x04, 0x6C, 0x69, 0x76, 0x65 }, Write("live"));
    }

    [Fact]
    public void WriteValue_Object_WritesPropertiesAndObjectEnd()
    {
        var bytes = Write(new Dictionary<string, object?> { ["code"] = "ok" });
        Assert.Equal(new byte[] { 0x03, 0x00, 0x04, (byte)'c', (byte)'o', (byte)'d', (byte)'e', 0x02, 0x00, 0x02, (byte)'o', (byte)'k', 0x00, 0x00, 0x09 }, bytes);
    }

    [Fact]
    public void WriteString_Over65535Bytes_WritesLongString()
    {
        var bytes = Write(new string('a', 65536));
        Assert.Equal(new byte[] { 0x0C, 0x00, 0x01, 0x00, 0x00 }, bytes[..5]);
        Assert.Equal(5 + 65536, bytes.Length);
        Assert.Equal(65536, Assert.IsType<string>(new Amf0Reader(bytes).ReadValue()).Length);
    }

    [Fact]
    public void WriteEcmaArray_WritesCountAndObjectEnd()
    {
        var output = new ArrayBufferWriter<byte>();
        Amf0Writer.WriteEcmaArray(output, new Dictionary<string, object?> { ["w"] = 1d });
        Assert.Equal(new byte[] { 0x08, 0, 0, 0, 1, 0x00, 0x01, (byte)'w', 0x00, 0x3F, 0xF0, 0, 0, 0, 0, 0, 0, 0x00, 0x00, 0x09 }, output.WrittenSpan.ToArray());
    }

    [Fact]
    public void WriteValue_DateAndStrictArray_RoundTrip()
    {
        var date = new DateTime(2024, 5, 6, 7, 8, 9, 123, DateTimeKind.Utc);
        Assert.Equal(date, new Amf0Reader(Write(date)).ReadValue());
        var array = new object?[] { 1d, "two", null, false };
        Assert.Equal(array, new Amf0Reader(Write(array)).ReadValue());
    }

    [Fact]
    public void WriteValue_ArbitraryValues_RoundTripThroughReader()
    {
        var scalar = Gen.OneOf(
            ArbMap.Default.GeneratorFor<double>().Where(d => !double.IsNaN(d)).Select(d => (object?)d),
            ArbMap.Default.GeneratorFor<bool>().Select(b => (object?)b),
            ArbMap.Default.GeneratorFor<string>().Where(s => s is not null && !s.Any(char.IsSurrogate)).Select(s => (object?)s),
            Gen.Constant<object?>(null));
        var objects = Gen.ListOf(Gen.Zip(ArbMap.Default.GeneratorFor<NonEmptyString>().Select(s => s.Get).Where(s => !s.Any(char.IsSurrogate)), scalar))
            .Select(pairs =>
            {
                var dictionary = new Dictionary<string, object?>(StringComparer.Ordinal);
                foreach (var (key, value) in pairs)
                {
                    dictionary[key] = value;
                }

                return (object?)dictionary;
            });

        Prop.ForAll(Gen.OneOf(scalar, objects).ToArbitrary(), value =>
        {
            var decoded = new Amf0Reader(Write(value)).ReadValue();
            if (value is Dictionary<string, object?> expected)
            {
                var actual = Assert.IsType<Dictionary<string, object?>>(decoded);
                Assert.Equal(expected.OrderBy(p => p.Key, StringComparer.Ordinal), actual.OrderBy(p => p.Key, StringComparer.Ordinal));
            }
            else
            {
                Assert.Equal(value, decoded);
            }
        }).QuickCheckThrowOnFailure();
    }
}
