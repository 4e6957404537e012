using Spectra.Server.Shared;

namespace Spectra.Server.Tests.Shared;

public class DisplayTextTests
{
    [Theory]
    [InlineData(0, "0 viewers")]
    [InlineData(1, "1 viewer")]
    [InlineData(2, "2 viewers")]
    [InlineData(1204, "1,204 viewers")]
    [InlineData(-1, "-1 viewers")]
    public void Count_Number_UsesSingularOnlyForOne(long count, string expected) =>
        Assert.Equal(expected, DisplayText.Count(count, "viewer", "viewers"));

    [Fact]
    public void Count_IrregularPlural_UsesTheGivenWords() =>
        Assert.Equal("1 reply", DisplayText.Count(1, "reply", "replies"));

    [Theory]
    [InlineData(0, "0 min")]
    [InlineData(-30, "0 min")]
    [InlineData(1, "1 s")]
    [InlineData(45, "45 s")]
    [InlineData(59.4, "59 s")]
    [InlineData(60, "1 min")]
    [InlineData(120, "2 min")]
    [InlineData(149, "2 min")]
    [InlineData(151, "3 min")]
    [InlineData(3569, "59 min")]
    [InlineData(3570, "1 h 00 min")]
    [InlineData(3600, "1 h 00 min")]
    [InlineData(3900, "1 h 05 min")]
    [InlineData(93600, "26 h 00 min")]
    public void Duration_Seconds_ReadsInTheLargestUsefulUnit(double seconds, string expected) =>
        Assert.Equal(expected, DisplayText.Duration(TimeSpan.FromSeconds(seconds)));
}
