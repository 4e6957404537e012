namespace Spectra.Server.Community.Analytics;

/// <summary>Totals over the last <see cref="Days"/> days with daily series and their charts (SVG).</summary>
internal sealed record PeriodAnalytics(
    int Days,
    int Broadcasts,
    TimeSpan LiveTime,
    int PeakViewers,
    double AverageViewers,
    int UniqueViewers,
    TimeSpan WatchTime,
    int? ChatMessages,
    int NewFollowers,
    int Followers,
    IReadOnlyList<DailyPoint> ViewersPerDay,
    IReadOnlyList<DailyPoint> FollowersPerDay,
    string ViewersChartSvg,
    string FollowersChartSvg);
