namespace Spectra.Server.Community.Analytics;

/// <summary>Pure arithmetic behind the creator dashboard.</summary>
internal static class AnalyticsAggregator
{
    /// <summary>
    /// Peak and time-weighted average of samples between <paramref name="start"/> and
    /// <paramref name="end"/>; samples outside the interval are ignored. Before the first sample the
    /// channel is counted as having zero viewers.
    /// </summary>
    public static (int Peak, double Average) Viewers(IReadOnlyList<ViewerSample> samples, DateTime start, DateTime end)
    {
        var total = (end - start).TotalSeconds;
        if (total <= 0)
        {
            return (0, 0);
        }

        var peak = 0;
        var area = 0.0;
        for (var i = 0; i < samples.Count; i++)
        {
            var sample = samples[i];
            if (sample.At < start || sample.At > end)
            {
                continue;
            }

            peak = Math.Max(peak, sample.Viewers);
            var until = i + 1 < samples.Count && samples[i + 1].At < end ? samples[i + 1].At : end;
            area += sample.Viewers * Math.Max(0, (until - sample.At).TotalSeconds);
        }

        return (peak, area / total);
    }

    /// <summary>Count of events per UTC day over the last <paramref name="days"/> days ending today (oldest first).</summary>
    public static IReadOnlyList<DailyPoint> PerDay(IEnumerable<DateTime> events, DateOnly today, int days)
    {
        var first = today.AddDays(-(days - 1));
        var counts = new double[days];
        foreach (var at in events)
        {
            var index = DateOnly.FromDateTime(at).DayNumber - first.DayNumber;
            if (index >= 0 && index < days)
            {
                counts[index]++;
            }
        }

        var result = new DailyPoint[days];
        for (var i = 0; i < days; i++)
        {
            result[i] = new DailyPoint(first.AddDays(i), counts[i]);
        }

        return result;
    }

    /// <summary>Running total on top of <paramref name="baseline"/> (followers before the period).</summary>
    public static IReadOnlyList<DailyPoint> Cumulative(IReadOnlyList<DailyPoint> perDay, double baseline)
    {
        var result = new DailyPoint[perDay.Count];
        var running = baseline;
        for (var i = 0; i < perDay.Count; i++)
        {
            running += perDay[i].Value;
            result[i] = new DailyPoint(perDay[i].Day, running);
        }

        return result;
    }

    /// <summary>Total watch time from (start, end) intervals, clipped to the window.</summary>
    public static TimeSpan WatchTime(IEnumerable<(DateTime Start, DateTime End)> intervals, DateTime from, DateTime to)
    {
        var total = TimeSpan.Zero;
        foreach (var (s, e) in intervals)
        {
            var start = s < from ? from : s;
            var end = e > to ? to : e;
            if (end > start)
            {
                total += end - start;
            }
        }

        return total;
    }
}
