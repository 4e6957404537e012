using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Spectra.Data;
using Spectra.Data.Entities.Community;

namespace Spectra.Server.Community.Analytics;

/// <summary>
/// Every <see cref="CommunityOptions.ViewerSampleSeconds"/> stores each live channel's viewer count (the charts)
/// and raises its broadcast's peak to the live directory's peak, which counts every change between samples.
/// </summary>
internal sealed class ViewerSampler(IServiceScopeFactory scopes, ILiveChannelDirectory live, IOptions<CommunityOptions> options, TimeProvider clock, ILogger<ViewerSampler> logger)
    : BackgroundService
{
    public async Task RunOnceAsync(CancellationToken ct)
    {
        var channels = live.GetLiveChannels();
        if (channels.Count == 0)
        {
            return;
        }

        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<SpectraDbContext>();
        var now = clock.GetUtcNow().UtcDateTime;
        var ids = channels.Select(c => c.ChannelId).ToArray();
        var open = await db.Set<Broadcast>().Where(b => ids.Contains(b.ChannelId) && b.EndedAt == null)
            .ToDictionaryAsync(b => b.ChannelId, ct);
        foreach (var c in channels)
        {
            open.TryGetValue(c.ChannelId, out var broadcast);
            db.Add(new ViewerCountSample { Id = Guid.NewGuid(), ChannelId = c.ChannelId, BroadcastId = broadcast?.Id, At = now, Viewers = c.Viewers });
            if (broadcast is not null && c.PeakViewers > broadcast.PeakViewers)
            {
                broadcast.PeakViewers = c.PeakViewers;
            }
        }

        await db.SaveChangesAsync(ct);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(options.Value.ViewerSampleSeconds), clock);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                try
                {
                    await RunOnceAsync(stoppingToken);
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    CommunityLog.BackgroundFailed(logger, ex, "viewer sampler");
                }
            }
        }
        catch (OperationCanceledException)
        {
        }
    }
}
