using Spectra.Media.Hls.Internal;

namespace Spectra.Media.Tests.Hls.Internal;

public sealed class HttpByteRangeTests
{
    [Theory]
    [InlineData("bytes=0-99", 1000, 0, 100)]
    [InlineData("bytes=0-0", 1000, 0, 1)]
    [InlineData("bytes=999-999", 1000, 999, 1)]
    [InlineData("bytes=500-", 1000, 500, 500)]
    [InlineData("bytes=900-5000", 1000, 900, 100)]
    [InlineData("bytes=-100", 1000, 900, 100)]
    [InlineData("bytes=-5000", 1000, 0, 1000)]
    [InlineData("Bytes=10-19", 1000, 10, 10)] // range units are case-insensitive (RFC 9110 §14.1)
    public void Evaluate_SingleRange_Satisfiable(string header, long length, long start, long count)
    {
        Assert.Equal(HttpByteRangeKind.Satisfiable, HttpByteRange.Evaluate(header, length, out var s, out var c));
        Assert.Equal((start, count), (s, c));
    }

    [Theory]
    [InlineData("bytes=1000-", 1000)]
    [InlineData("bytes=1000-2000", 1000)]
    [InlineData("bytes=-0", 1000)]
    [InlineData("bytes=0-", 0)]
    [InlineData("bytes=-10", 0)]
    public void Evaluate_OutsideRepresentation_Unsatisfiable(string header, long length)
    {
        Assert.Equal(HttpByteRangeKind.Unsatisfiable, HttpByteRange.Evaluate(header, length, out _, out _));
    }

    [Theory]
    [InlineData("")]
    [InlineData("bytes=")]
    [InlineData("bytes=abc")]
    [InlineData("bytes=5")]
    [InlineData("bytes=10-5")]
    [InlineData("bytes=-")]
    [InlineData("bytes=0-10,20-30")]
    [InlineData("items=0-10")]
    [InlineData("bytes=99999999999999999999-")]
    public void Evaluate_UnusableHeader_None(string header)
    {
        Assert.Equal(HttpByteRangeKind.None, HttpByteRange.Evaluate(header, 1000, out var start, out var count));
        Assert.Equal((0L, 1000L), (start, count));
    }
}
