using System.Collections.Concurrent;
using System.Collections.Immutable;

namespace Spectra.Server.Events;

/// <summary>
/// Default single-node bus: delivers to every subscriber of the event's type in this process, one
/// after another, in subscription order. A failing handler is logged and does not stop the others.
/// </summary>
internal sealed partial class InProcessEventBus(ILogger<InProcessEventBus> logger) : IEventBus
{
    private readonly ConcurrentDictionary<Type, ImmutableArray<Subscription>> _subscriptions = new();

    public async ValueTask PublishAsync<T>(T evt, CancellationToken cancellationToken = default)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(evt);
        if (!_subscriptions.TryGetValue(typeof(T), out var handlers))
        {
            return;
        }

        foreach (var subscription in handlers)
        {
            try
            {
                await ((Func<T, CancellationToken, ValueTask>)subscription.Handler)(evt, cancellationToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                LogHandlerFailed(logger, ex, typeof(T).Name);
            }
        }
    }

    public IDisposable Subscribe<T>(Func<T, CancellationToken, ValueTask> handler)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(handler);
        var subscription = new Subscription(this, typeof(T), handler);
        _subscriptions.AddOrUpdate(typeof(T), _ => [subscription], (_, list) => list.Add(subscription));
        return subscription;
    }

    private void Unsubscribe(Subscription subscription) =>
        _subscriptions.AddOrUpdate(subscription.Type, _ => [], (_, list) => list.Remove(subscription));

    [LoggerMessage(EventId = 1501, Level = LogLevel.Error, Message = "Event handler for {EventType} failed")]
    private static partial void LogHandlerFailed(ILogger logger, Exception exception, string eventType);

    private sealed class Subscription(InProcessEventBus bus, Type type, Delegate handler) : IDisposable
    {
        private int _disposed;

        public Type Type { get; } = type;

        public Delegate Handler { get; } = handler;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _disposed, 1) == 0)
            {
                bus.Unsubscribe(this);
            }
        }
    }
}
