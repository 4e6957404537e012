using Spectra.Server.Community.Analytics;

namespace Spectra.Server.Tests.Community.Analytics;

public sealed class AnalyticsAggregatorTests
{
    private static readonly DateTime T0 = new(2026, 11, 1, 12, 0, 0, DateTimeKind.Utc);

    [Fact]
    public void Viewers_Samples_PeakAndTimeWeightedAverage()
    {
        var samples = new[] { new ViewerSample(T0, 10), new ViewerSample(T0.AddMinutes(30), 30) };

        var (peak, average) = AnalyticsAggregator.Viewers(samples, T0, T0.AddHours(1));

        Assert.Equal(30, peak);
        Assert.Equal(20, average, 6);
    }

    [Fact]
    public void Viewers_EmptyInterval_IsZero()
    {
        Assert.Equal((0, 0.0), AnalyticsAggregator.Viewers([], T0, T0));
    }

    [Fact]
    public void PerDay_Events_CountedPerUtcDayOldestFirst()
    {
        var today = DateOnly.FromDateTime(T0);
        var points = AnalyticsAggregator.PerDay([T0, T0.AddHours(1), T0.AddDays(-2), T0.AddDays(-40)], today, 7);

        Assert.Equal(7, points.Count);
        Assert.Equal(today.AddDays(-6), points[0].Day);
        Assert.Equal(2, points[6].Value);
        Assert.Equal(1, points[4].Value);
        Assert.Equal(3, points.Sum(p => p.Value));
    }

    [Fact]
    public void Cumulative_Baseline_Added()
    {
        var day = new DateOnly(2026, 11, 1);
        var result = AnalyticsAggregator.Cumulative([new DailyPoint(day, 1), new DailyPoint(day.AddDays(1), 2)], 10);

        Assert.Equal([11.0, 13.0], result.Select(p => p.Value));
    }

    [Fact]
    public void WatchTime_Intervals_ClippedToWindow()
    {
        var total = AnalyticsAggregator.WatchTime([(T0.AddMinutes(-10), T0.AddMinutes(10)), (T0.AddMinutes(50), T0.AddMinutes(70))], T0, T0.AddHours(1));

        Assert.Equal(TimeSpan.FromMinutes(20), total);
    }

    [Fact]
    public void Render_Labels_EscapedAndPolylineDrawn()
    {
        var svg = SvgLineChart.Render("a<b", [("<x>", 1), ("y", 3)]);

        Assert.StartsWith("<svg", svg, StringComparison.Ordinal);
        Assert.Contains("<polyline", svg, StringComparison.Ordinal);
        Assert.Contains("a&lt;b", svg, StringComparison.Ordinal);
        Assert.Contains("&lt;x&gt;", svg, StringComparison.Ordinal);
    }
}
