using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Spectra.Data;
using Spectra.Data.Entities.Chat;
using Spectra.Server.Chat.Internal;
using Spectra.Server.Events;

namespace Spectra.Server.Chat.Reactions;

/// <summary>
/// Every <see cref="ChatOptions.ReactionBurstMilliseconds"/> turns the taps counted by
/// <see cref="ReactionAggregator"/> into one burst per channel on the event bus, and adds them
/// to per-session totals that are written to the database every 5 s and at shutdown.
/// </summary>
internal sealed partial class ReactionService(
    ReactionAggregator aggregator,
    IServiceScopeFactory scopes,
    IEventBus bus,
    IChatSessionResolver sessions,
    IOptions<ChatOptions> options,
    TimeProvider time,
    ILogger<ReactionService> logger) : BackgroundService
{
    private static readonly TimeSpan FlushInterval = TimeSpan.FromSeconds(5);

    private readonly Dictionary<(Guid Channel, Guid? Session), long[]> _totals = [];

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromMilliseconds(options.Value.ReactionBurstMilliseconds), time);
        var lastFlush = time.GetTimestamp();
        while (await timer.TickAsync(stoppingToken))
        {
            await DrainAsync(stoppingToken);
            if (time.GetElapsedTime(lastFlush) >= FlushInterval)
            {
                lastFlush = time.GetTimestamp();
                await FlushAsync(CancellationToken.None);
            }
        }

        await DrainAsync(CancellationToken.None);
        await FlushAsync(CancellationToken.None);
    }

    /// <summary>Publishes pending bursts and writes totals now (used at shutdown and by tests).</summary>
    internal async Task DrainAsync(CancellationToken cancellationToken)
    {
        foreach (var burst in aggregator.Drain())
        {
            try
            {
                await bus.PublishAsync(new ReactionBurstPublished(burst.ChannelId, new ReactionBurstDto(burst.Counts)), cancellationToken);
                var session = await sessions.GetLiveSessionAsync(burst.ChannelId, cancellationToken);
                lock (_totals)
                {
                    if (!_totals.TryGetValue((burst.ChannelId, session), out var totals))
                    {
                        totals = new long[ReactionKinds.Count];
                        _totals[(burst.ChannelId, session)] = totals;
                    }

                    for (var i = 0; i < totals.Length; i++)
                    {
                        totals[i] += burst.Counts[i];
                    }
                }
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                LogBurstFailed(logger, burst.ChannelId, ex);
            }
        }
    }

    internal async Task FlushAsync(CancellationToken cancellationToken)
    {
        List<KeyValuePair<(Guid Channel, Guid? Session), long[]>> pending;
        lock (_totals)
        {
            if (_totals.Count == 0)
            {
                return;
            }

            pending = [.. _totals];
            _totals.Clear();
        }

        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<SpectraDbContext>();
            var now = time.GetUtcNow().UtcDateTime;
            foreach (var ((channelId, sessionId), counts) in pending)
            {
                var rows = await db.ReactionTotals.Where(r => r.ChannelId == channelId && r.StreamSessionId == sessionId).ToListAsync(cancellationToken);
                for (var kind = 0; kind < counts.Length; kind++)
                {
                    if (counts[kind] == 0)
                    {
                        continue;
                    }

                    var row = rows.Find(r => r.Kind == kind);
                    if (row is null)
                    {
                        row = new ReactionTotal { Id = Guid.NewGuid(), ChannelId = channelId, StreamSessionId = sessionId, Kind = kind };
                        db.ReactionTotals.Add(row);
                        rows.Add(row);
                    }

                    row.Count += counts[kind];
                    row.UpdatedAt = now;
                }
            }

            await db.SaveChangesAsync(cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            LogFlushFailed(logger, pending.Count, ex);
        }
    }

    [LoggerMessage(EventId = 4401, Level = LogLevel.Error, Message = "Publishing a reaction burst of channel {ChannelId} failed.")]
    private static partial void LogBurstFailed(ILogger logger, Guid channelId, Exception exception);

    [LoggerMessage(EventId = 4402, Level = LogLevel.Error, Message = "Writing reaction totals of {Count} channels failed.")]
    private static partial void LogFlushFailed(ILogger logger, int count, Exception exception);
}
