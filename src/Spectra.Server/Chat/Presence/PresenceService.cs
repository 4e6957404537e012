using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Spectra.Data;
using Spectra.Data.Entities.Chat;
using Spectra.Server.Chat.Internal;
using Spectra.Server.Events;

namespace Spectra.Server.Chat.Presence;

/// <summary>
/// Every <see cref="ChatOptions.PresenceIntervalMilliseconds"/> publishes changed viewer counts
/// and, for live channels, samples the count into the session's peak and average, written to
/// <see cref="ChatSessionStats"/> every tenth sample (the peak also into the session's StreamSession row).
/// </summary>
internal sealed partial class PresenceService(
    PresenceTracker tracker,
    IServiceScopeFactory scopes,
    IEventBus bus,
    IChatSessionResolver sessions,
    IOptions<ChatOptions> options,
    TimeProvider time,
    ILogger<PresenceService> logger) : BackgroundService
{
    private const int SamplesPerWrite = 10;

    private readonly Dictionary<Guid, int> _published = [];
    private readonly Dictionary<Guid, SessionSample> _sessions = [];

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromMilliseconds(options.Value.PresenceIntervalMilliseconds), time);
        while (await timer.TickAsync(stoppingToken))
        {
            try
            {
                await TickAsync(stoppingToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                LogTickFailed(logger, ex);
            }
        }

        await WriteAsync([.. _sessions.Values.Where(s => s.Unwritten > 0)], CancellationToken.None);
    }

    private async Task TickAsync(CancellationToken cancellationToken)
    {
        var toWrite = new List<SessionSample>();
        foreach (var (channelId, count) in tracker.Snapshot())
        {
            if (!_published.TryGetValue(channelId, out var previous) || previous != count)
            {
                _published[channelId] = count;
                await bus.PublishAsync(new ViewersChanged(channelId, count), cancellationToken);
            }

            if (count == 0)
            {
                tracker.Prune(channelId);
                _published.Remove(channelId);
            }

            var session = await sessions.GetLiveSessionAsync(channelId, cancellationToken);
            if (session is not { } sessionId)
            {
                continue;
            }

            if (!_sessions.TryGetValue(sessionId, out var sample))
            {
                sample = new SessionSample(sessionId, channelId);
                _sessions[sessionId] = sample;
            }

            sample.Add(count);
            if (sample.Unwritten >= SamplesPerWrite)
            {
                toWrite.Add(sample);
            }
        }

        await WriteAsync(toWrite, cancellationToken);
    }

    private async Task WriteAsync(List<SessionSample> samples, CancellationToken cancellationToken)
    {
        if (samples.Count == 0)
        {
            return;
        }

        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<SpectraDbContext>();
        foreach (var sample in samples)
        {
            var row = await db.ChatSessionStats.FirstOrDefaultAsync(s => s.StreamSessionId == sample.SessionId, cancellationToken);
            if (row is null)
            {
                row = new ChatSessionStats { StreamSessionId = sample.SessionId, ChannelId = sample.ChannelId };
                db.ChatSessionStats.Add(row);
            }

            row.PeakViewers = sample.Peak;
            var peak = sample.Peak;
            await db.StreamSessions.Where(s => s.Id == sample.SessionId && (s.PeakViewers == null || s.PeakViewers < peak))
                .ExecuteUpdateAsync(s => s.SetProperty(x => x.PeakViewers, peak), cancellationToken);
            row.Samples = sample.Count;
            row.AverageViewers = sample.Average;
            row.UpdatedAt = time.GetUtcNow().UtcDateTime;
            sample.Unwritten = 0;
        }

        await db.SaveChangesAsync(cancellationToken);
    }

    [LoggerMessage(EventId = 4501, Level = LogLevel.Error, Message = "Presence tick failed.")]
    private static partial void LogTickFailed(ILogger logger, Exception exception);

    private sealed class SessionSample(Guid sessionId, Guid channelId)
    {
        private long _sum;

        public Guid SessionId { get; } = sessionId;

        public Guid ChannelId { get; } = channelId;

        public int Peak { get; private set; }

        public long Count { get; private set; }

        public int Unwritten { get; set; }

        public double Average => Count == 0 ? 0 : _sum / (double)Count;

        public void Add(int viewers)
        {
            Peak = Math.Max(Peak, viewers);
            _sum += viewers;
            Count++;
            Unwritten++;
        }
    }
}
