using Spectra.Server.Infrastructure;

namespace Spectra.Server.Tests.Infrastructure;

public sealed class PagingTests
{
    [Theory]
    [InlineData(1, 50, 0)]
    [InlineData(3, 50, 100)]
    [InlineData(0, 50, 0)]
    [InlineData(-5, 50, 0)]
    [InlineData(int.MaxValue, 100, int.MaxValue)]
    [InlineData(int.MaxValue / 50 + 2, 50, int.MaxValue)]
    public void Offset_Page_NeverNegative(int page, int pageSize, int expected)
    {
        Assert.Equal(expected, Paging.Offset(page, pageSize));
    }
}
