using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Spectra.Data;
using Spectra.Data.Entities.Community;

namespace Spectra.Server.Community.Analytics;

/// <summary>
/// Creator analytics: per broadcast and over 7/30 days — duration, peak and average concurrent
/// viewers, unique viewers, watch time, chat messages (when the chat area reports them), new
/// followers — with charts rendered server-side.
/// </summary>
internal sealed class CreatorAnalyticsService(SpectraDbContext db, IChatActivity chat, TimeProvider clock)
{
    public async Task<IReadOnlyList<BroadcastSummary>> BroadcastsAsync(Guid channelId, int take, bool withCharts, CancellationToken ct)
    {
        var broadcasts = await db.Set<Broadcast>().AsNoTracking()
            .Where(b => b.ChannelId == channelId)
            .OrderByDescending(b => b.StartedAt).Take(Math.Clamp(take, 1, 100)).ToListAsync(ct);
        var result = new List<BroadcastSummary>(broadcasts.Count);
        foreach (var b in broadcasts)
        {
            result.Add(await SummarizeAsync(b, withCharts, ct));
        }

        return result;
    }

    public async Task<BroadcastSummary?> BroadcastAsync(Guid channelId, Guid broadcastId, CancellationToken ct)
    {
        var b = await db.Set<Broadcast>().AsNoTracking().FirstOrDefaultAsync(x => x.Id == broadcastId && x.ChannelId == channelId, ct);
        return b is null ? null : await SummarizeAsync(b, true, ct);
    }

    public async Task<PeriodAnalytics> PeriodAsync(Guid channelId, int days, CancellationToken ct)
    {
        days = days <= 7 ? 7 : 30;
        var now = clock.GetUtcNow().UtcDateTime;
        var today = DateOnly.FromDateTime(now);
        var from = today.AddDays(-(days - 1)).ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);

        var broadcasts = await db.Set<Broadcast>().AsNoTracking()
            .Where(b => b.ChannelId == channelId && (b.EndedAt == null || b.EndedAt >= from))
            .Select(b => new { b.StartedAt, b.EndedAt, b.PeakViewers }).ToListAsync(ct);
        var liveTime = AnalyticsAggregator.WatchTime(broadcasts.Select(b => (b.StartedAt, b.EndedAt ?? now)), from, now);
        var samples = await db.Set<ViewerCountSample>().AsNoTracking()
            .Where(s => s.ChannelId == channelId && s.At >= from)
            .OrderBy(s => s.At).Select(s => new { s.At, s.Viewers }).ToListAsync(ct);
        var sessions = await db.Set<ViewSession>().AsNoTracking()
            .Where(v => v.ChannelId == channelId && v.LastSeenAt >= from)
            .Select(v => new { v.ViewerKey, v.StartedAt, v.LastSeenAt }).ToListAsync(ct);
        var followDates = await db.Set<Follow>().AsNoTracking().Where(f => f.ChannelId == channelId && f.CreatedAt >= from).Select(f => f.CreatedAt).ToListAsync(ct);
        var followers = await db.Set<Follow>().CountAsync(f => f.ChannelId == channelId, ct);

        // Average viewers while live: time-weighted over the live intervals only.
        var peak = Math.Max(broadcasts.Count == 0 ? 0 : broadcasts.Max(b => b.PeakViewers), samples.Count == 0 ? 0 : samples.Max(s => s.Viewers));
        var area = 0.0;
        for (var i = 0; i < samples.Count; i++)
        {
            var until = i + 1 < samples.Count ? samples[i + 1].At : now;
            var step = Math.Min((until - samples[i].At).TotalSeconds, 2 * 3600);
            area += samples[i].Viewers * Math.Max(0, step);
        }

        var average = liveTime.TotalSeconds > 0 ? Math.Min(peak, area / liveTime.TotalSeconds) : 0;
        var viewersPerDay = samples.GroupBy(s => DateOnly.FromDateTime(s.At)).ToDictionary(g => g.Key, g => (double)g.Max(s => s.Viewers));
        var viewerSeries = Enumerable.Range(0, days).Select(i => today.AddDays(-(days - 1) + i))
            .Select(d => new DailyPoint(d, viewersPerDay.GetValueOrDefault(d))).ToList();
        var newPerDay = AnalyticsAggregator.PerDay(followDates, today, days);
        var cumulative = AnalyticsAggregator.Cumulative(newPerDay, followers - followDates.Count);

        return new PeriodAnalytics(
            days,
            broadcasts.Count(b => b.StartedAt >= from),
            liveTime,
            peak,
            average,
            sessions.Select(s => s.ViewerKey).Distinct(StringComparer.Ordinal).Count(),
            AnalyticsAggregator.WatchTime(sessions.Select(s => (s.StartedAt, s.LastSeenAt)), from, now),
            await chat.CountMessagesAsync(channelId, from, now, ct),
            followDates.Count,
            followers,
            viewerSeries,
            cumulative,
            SvgLineChart.Render("Peak viewers per day", viewerSeries.Select(p => (Label(p.Day), p.Value)).ToList()),
            SvgLineChart.Render("Followers", cumulative.Select(p => (Label(p.Day), p.Value)).ToList()));
    }

    private async Task<BroadcastSummary> SummarizeAsync(Broadcast b, bool withChart, CancellationToken ct)
    {
        var end = b.EndedAt ?? clock.GetUtcNow().UtcDateTime;
        var samples = await db.Set<ViewerCountSample>().AsNoTracking()
            .Where(s => s.ChannelId == b.ChannelId && s.At >= b.StartedAt && s.At <= end)
            .OrderBy(s => s.At).Select(s => new ViewerSample(s.At, s.Viewers)).ToListAsync(ct);
        var (peak, average) = AnalyticsAggregator.Viewers(samples, b.StartedAt, end);
        var sessions = await db.Set<ViewSession>().AsNoTracking()
            .Where(v => v.BroadcastId == b.Id)
            .Select(v => new { v.ViewerKey, v.StartedAt, v.LastSeenAt }).ToListAsync(ct);
        var newFollowers = await db.Set<Follow>().CountAsync(f => f.ChannelId == b.ChannelId && f.CreatedAt >= b.StartedAt && f.CreatedAt <= end, ct);
        var summary = new SessionSummary(
            b.StartedAt,
            b.EndedAt,
            end - b.StartedAt,
            Math.Max(peak, b.PeakViewers),
            average,
            sessions.Select(s => s.ViewerKey).Distinct(StringComparer.Ordinal).Count(),
            AnalyticsAggregator.WatchTime(sessions.Select(s => (s.StartedAt, s.LastSeenAt)), b.StartedAt, end),
            await chat.CountMessagesAsync(b.ChannelId, b.StartedAt, end, ct) ?? 0,
            newFollowers);
        var chart = withChart
            ? SvgLineChart.Render("Viewers", samples.Select(s => (s.At.ToString("HH:mm", CultureInfo.InvariantCulture), (double)s.Viewers)).ToList())
            : null;
        return new BroadcastSummary(b.Id, summary, chart);
    }

    private static string Label(DateOnly day) => day.ToString("MM-dd", CultureInfo.InvariantCulture);
}
