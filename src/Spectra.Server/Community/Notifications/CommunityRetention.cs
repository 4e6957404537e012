using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Spectra.Data;
using Spectra.Data.Entities.Community;

namespace Spectra.Server.Community.Notifications;

/// <summary>
/// Hourly sweep of what only grows: notifications older than <see cref="CommunityOptions.NotificationRetentionDays"/>
/// and finished webhook deliveries older than <see cref="CommunityOptions.WebhookLogRetentionDays"/>. Deletes in
/// batches of <see cref="BatchSize"/> rows so a big backlog (a go-live to 100 000 followers is 100 000 rows)
/// never holds a long write lock on SQLite.
/// </summary>
internal sealed partial class CommunityRetention(
    IServiceScopeFactory scopes,
    IOptions<CommunityOptions> options,
    TimeProvider clock,
    ILogger<CommunityRetention> logger) : BackgroundService
{
    public const int BatchSize = 5_000;

    private static readonly TimeSpan Interval = TimeSpan.FromHours(1);

    /// <summary>One sweep; returns the notifications and deliveries deleted.</summary>
    public async Task<(int Notifications, int Deliveries)> RunOnceAsync(CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var notificationCutoff = now.AddDays(-options.Value.NotificationRetentionDays);
        var deliveryCutoff = now.AddDays(-options.Value.WebhookLogRetentionDays);
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<SpectraDbContext>();

        var notifications = await DeleteInBatchesAsync(
            () => db.Set<Notification>().Where(n => n.CreatedAt < notificationCutoff).OrderBy(n => n.CreatedAt).Take(BatchSize), ct);
        var deliveries = await DeleteInBatchesAsync(
            () => db.Set<WebhookDelivery>().Where(d => d.CompletedAt != null && d.CompletedAt < deliveryCutoff).OrderBy(d => d.CompletedAt).Take(BatchSize), ct);
        if (notifications + deliveries > 0)
        {
            LogSwept(logger, notifications, deliveries);
        }

        return (notifications, deliveries);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Interval, clock);
        try
        {
            do
            {
                try
                {
                    await RunOnceAsync(stoppingToken);
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    CommunityLog.BackgroundFailed(logger, ex, "retention sweep");
                }
            }
            while (await timer.WaitForNextTickAsync(stoppingToken));
        }
        catch (OperationCanceledException)
        {
        }
    }

    private static async Task<int> DeleteInBatchesAsync<T>(Func<IQueryable<T>> batch, CancellationToken ct)
    {
        var total = 0;
        int deleted;
        do
        {
            deleted = await batch().ExecuteDeleteAsync(ct);
            total += deleted;
        }
        while (deleted == BatchSize);
        return total;
    }

    [LoggerMessage(5020, LogLevel.Information, "Retention sweep deleted {Notifications} notifications and {Deliveries} webhook deliveries")]
    private static partial void LogSwept(ILogger logger, int notifications, int deliveries);
}
