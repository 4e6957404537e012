using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Spectra.Data;
using Spectra.Data.Entities.Videos;
using Spectra.Media.Recording;
using Spectra.Storage;

namespace Spectra.Server.Videos.Internal;

/// <summary>
/// Enforces each channel's retention ("keep N days") and the site's per-channel quota
/// (<see cref="VideosOptions.ChannelQuotaBytes"/>): deletes ready videos past their days, then the oldest ones
/// while the channel holds more than its quota; records on the channel what it deleted, for the dashboard.
/// Videos still recording are never touched.
/// </summary>
internal sealed partial class VideoRetentionSweeper(
    IServiceScopeFactory scopes,
    IObjectStore store,
    VodCatalog catalog,
    IOptionsMonitor<VideosOptions> options,
    TimeProvider time,
    ILogger<VideoRetentionSweeper> logger) : BackgroundService
{
    private static readonly TimeSpan FirstSweepDelay = TimeSpan.FromMinutes(1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var delay = options.CurrentValue.SweepInterval < FirstSweepDelay ? options.CurrentValue.SweepInterval : FirstSweepDelay;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await Task.Delay(delay, time, stoppingToken);
                await SweepAsync(stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                LogSweepFailed(logger, ex);
            }

            delay = options.CurrentValue.SweepInterval;
        }
    }

    /// <summary>One sweep over every channel; returns how many videos it deleted.</summary>
    public async Task<int> SweepAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var quota = options.CurrentValue.ChannelQuotaBytes;
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<SpectraDbContext>();
        var channels = await db.Channels
            .Where(c => db.Videos.Any(v => v.ChannelId == c.Id && v.Status == VideoStatus.Ready))
            .Select(c => new { c.Id, c.VideoRetentionDays })
            .ToListAsync(cancellationToken);
        var deleted = 0;
        foreach (var channel in channels)
        {
            var videos = await db.Videos
                .Where(v => v.ChannelId == channel.Id && v.Status == VideoStatus.Ready)
                .OrderBy(v => v.StartedAt)
                .ToListAsync(cancellationToken);
            var doomed = new List<Video>();
            if (channel.VideoRetentionDays is { } days)
            {
                var cutoff = now.AddDays(-days);
                doomed.AddRange(videos.Where(v => v.StartedAt < cutoff));
            }

            if (quota > 0)
            {
                var total = videos.Except(doomed).Sum(v => v.StorageBytes);
                foreach (var video in videos.Except(doomed).ToList())
                {
                    if (total <= quota)
                    {
                        break;
                    }

                    doomed.Add(video);
                    total -= video.StorageBytes;
                }
            }

            if (doomed.Count == 0)
            {
                continue;
            }

            db.Videos.RemoveRange(doomed);
            await db.Channels.Where(c => c.Id == channel.Id).ExecuteUpdateAsync(
                s => s.SetProperty(c => c.VideosSweptAt, now).SetProperty(c => c.VideosSweptCount, doomed.Count), cancellationToken);
            await db.SaveChangesAsync(cancellationToken);
            foreach (var video in doomed)
            {
                catalog.Forget(video.Id);
                await store.DeleteByPrefixAsync(RecordingKeys.Prefix(video.Id), cancellationToken);
            }

            LogSwept(logger, channel.Id, doomed.Count, doomed.Sum(v => v.StorageBytes));
            deleted += doomed.Count;
        }

        return deleted;
    }

    [LoggerMessage(EventId = 5130, Level = LogLevel.Information, Message = "Channel {ChannelId}: retention and quota deleted {Count} videos ({Bytes} bytes)")]
    private static partial void LogSwept(ILogger logger, Guid channelId, int count, long bytes);

    [LoggerMessage(EventId = 5131, Level = LogLevel.Error, Message = "The videos retention sweep failed; it runs again at the next interval")]
    private static partial void LogSweepFailed(ILogger logger, Exception exception);
}
