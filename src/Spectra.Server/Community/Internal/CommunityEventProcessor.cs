using System.Threading.Channels;
using Microsoft.EntityFrameworkCore;
using Spectra.Data;
using Spectra.Data.Entities.Community;
using Spectra.Server.Community.Notifications;
using Spectra.Server.Community.Webhooks;
using Spectra.Server.Events;

namespace Spectra.Server.Community.Internal;

/// <summary>
/// Reacts to stream events off the publisher's path and in order: records the broadcast, notifies
/// followers and queues webhooks (live state itself is the live area's <see cref="ILiveChannelDirectory"/>). <see cref="Processed"/> counts handled events (tests and benchmarks wait on it).
/// </summary>
internal sealed class CommunityEventProcessor(
    IEventBus bus,
    IServiceScopeFactory scopes,
    NotificationFanOut fanOut,
    ILogger<CommunityEventProcessor> logger) : BackgroundService
{
    private readonly Channel<object> _queue = Channel.CreateUnbounded<object>(new UnboundedChannelOptions { SingleReader = true });
    private readonly List<IDisposable> _subscriptions = [];
    private long _processed;

    public long Processed => Interlocked.Read(ref _processed);

    /// <summary>Raised after an event was fully handled (stored notifications, queued webhooks).</summary>
    public event Action<object>? EventHandled;

    public override Task StartAsync(CancellationToken cancellationToken)
    {
        _subscriptions.Add(bus.Subscribe<StreamOnline>((evt, _) =>
        {
            _queue.Writer.TryWrite(evt);
            return ValueTask.CompletedTask;
        }));
        _subscriptions.Add(bus.Subscribe<StreamOffline>((evt, _) =>
        {
            _queue.Writer.TryWrite(evt);
            return ValueTask.CompletedTask;
        }));
        return base.StartAsync(cancellationToken);
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        foreach (var subscription in _subscriptions)
        {
            subscription.Dispose();
        }

        _queue.Writer.TryComplete();
        await base.StopAsync(cancellationToken);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            await foreach (var evt in _queue.Reader.ReadAllAsync(stoppingToken))
            {
                try
                {
                    await HandleAsync(evt, stoppingToken);
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    CommunityLog.BackgroundFailed(logger, ex, evt.GetType().Name);
                }

                Interlocked.Increment(ref _processed);
                EventHandled?.Invoke(evt);
            }
        }
        catch (OperationCanceledException)
        {
        }
    }

    private async Task HandleAsync(object evt, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<SpectraDbContext>();
        var webhooks = scope.ServiceProvider.GetRequiredService<WebhookService>();
        switch (evt)
        {
            case StreamOnline online:
            {
                var id = online.StreamSessionId ?? Guid.NewGuid();
                await db.Set<Broadcast>().Where(b => b.ChannelId == online.ChannelId && b.EndedAt == null)
                    .ExecuteUpdateAsync(s => s.SetProperty(b => b.EndedAt, online.At), ct);
                if (!await db.Set<Broadcast>().AnyAsync(b => b.Id == id, ct))
                {
                    db.Add(new Broadcast { Id = id, ChannelId = online.ChannelId, StartedAt = online.At });
                }

                await webhooks.EnqueueAsync(online.ChannelId, WebhookEventTypes.StreamOnline, new
                {
                    channel = new { id = online.ChannelId, name = online.ChannelName },
                    streamSessionId = online.StreamSessionId,
                    startedAt = online.At,
                }, saveChanges: false, ct);
                await db.SaveChangesAsync(ct);
                webhooks.Wake();
                await fanOut.NotifyFollowersAsync(
                    online.ChannelId, NotificationKind.StreamOnline, $"{online.ChannelName} is live now", "/" + online.ChannelName, ct);
                break;
            }

            case StreamOffline offline:
            {
                await db.Set<Broadcast>().Where(b => b.ChannelId == offline.ChannelId && b.EndedAt == null)
                    .ExecuteUpdateAsync(s => s.SetProperty(b => b.EndedAt, offline.At), ct);
                await webhooks.EnqueueAsync(offline.ChannelId, WebhookEventTypes.StreamOffline, new
                {
                    channel = new { id = offline.ChannelId, name = offline.ChannelName },
                    streamSessionId = offline.StreamSessionId,
                    endedAt = offline.At,
                }, saveChanges: true, ct);
                break;
            }
        }
    }
}
