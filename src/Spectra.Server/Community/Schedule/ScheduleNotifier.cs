using Microsoft.EntityFrameworkCore;
using Spectra.Data;
using Spectra.Data.Entities.Channels;
using Spectra.Data.Entities.Community;
using Spectra.Server.Community.Notifications;

namespace Spectra.Server.Community.Schedule;

/// <summary>
/// Every <see cref="Interval"/> notifies the followers of shows whose start time has come. A show is
/// claimed by setting NotifiedAt in a conditional update, so each show notifies once even with
/// several nodes. Shows more than an hour late (server was down) are marked without notifying.
/// </summary>
internal sealed class ScheduleNotifier(IServiceScopeFactory scopes, NotificationFanOut fanOut, TimeProvider clock, ILogger<ScheduleNotifier> logger) : BackgroundService
{
    public static readonly TimeSpan Interval = TimeSpan.FromSeconds(15);

    public async Task<int> RunOnceAsync(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<SpectraDbContext>();
        var now = clock.GetUtcNow().UtcDateTime;
        var tooLate = now.AddHours(-1);
        await db.Set<ScheduledShow>().Where(s => s.NotifiedAt == null && s.StartsAt < tooLate).ExecuteUpdateAsync(s => s.SetProperty(x => x.NotifiedAt, now), ct);
        var due = await (from s in db.Set<ScheduledShow>().AsNoTracking()
                         where s.NotifiedAt == null && s.StartsAt <= now
                         join c in db.Set<Channel>() on s.ChannelId equals c.Id
                         orderby s.StartsAt
                         select new { s.Id, s.ChannelId, s.Title, c.Owner.UserName }).Take(100).ToListAsync(ct);
        var started = 0;
        foreach (var show in due)
        {
            var claimed = await db.Set<ScheduledShow>().Where(s => s.Id == show.Id && s.NotifiedAt == null)
                .ExecuteUpdateAsync(s => s.SetProperty(x => x.NotifiedAt, now), ct);
            if (claimed == 1)
            {
                var (count, _) = await fanOut.NotifyFollowersAsync(show.ChannelId, NotificationKind.ScheduledShowStarting, $"{show.UserName}: {show.Title} starts now", "/" + show.UserName, ct);
                CommunityLog.ShowStarted(logger, show.Id, count);
                started++;
            }
        }

        return started;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Interval, clock);
        do
        {
            try
            {
                await RunOnceAsync(stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                CommunityLog.BackgroundFailed(logger, ex, "schedule notifier");
            }
        }
        while (await WaitAsync(timer, stoppingToken));
    }

    private static async Task<bool> WaitAsync(PeriodicTimer timer, CancellationToken ct)
    {
        try
        {
            return await timer.WaitForNextTickAsync(ct);
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }
}
