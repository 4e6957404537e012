using System.Collections.Concurrent;
using Microsoft.Extensions.DependencyInjection;
using Spectra.Server.Events;

namespace Spectra.Testing.Live;

/// <summary>Records StreamOnline/StreamOffline from the server's event bus so tests await them instead of polling.</summary>
public sealed class LiveEventRecorder : IDisposable
{
    private readonly ConcurrentQueue<object> _events = new();
    private readonly IDisposable _online;
    private readonly IDisposable _offline;
    private TaskCompletionSource _changed = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public LiveEventRecorder(LiveHost host)
    {
        var bus = host.Services.GetRequiredService<IEventBus>();
        _online = bus.Subscribe<StreamOnline>((e, _) => Record(e));
        _offline = bus.Subscribe<StreamOffline>((e, _) => Record(e));
    }

    public IReadOnlyList<object> Events => [.. _events];

    public Task<StreamOnline> WaitForOnlineAsync(Guid channelId, TimeSpan timeout) =>
        WaitForAsync<StreamOnline>(e => e.ChannelId == channelId, timeout);

    public Task<StreamOffline> WaitForOfflineAsync(Guid channelId, TimeSpan timeout) =>
        WaitForAsync<StreamOffline>(e => e.ChannelId == channelId, timeout);

    public async Task<T> WaitForAsync<T>(Func<T, bool> match, TimeSpan timeout)
        where T : class
    {
        using var cts = new CancellationTokenSource(timeout);
        while (true)
        {
            var changed = Volatile.Read(ref _changed).Task;
            foreach (var evt in _events)
            {
                if (evt is T typed && match(typed))
                {
                    return typed;
                }
            }

            try
            {
                await changed.WaitAsync(cts.Token);
            }
            catch (OperationCanceledException)
            {
                throw new TimeoutException($"No {typeof(T).Name} within {timeout.TotalSeconds} s; events so far: {string.Join(", ", _events)}");
            }
        }
    }

    public void Dispose()
    {
        _online.Dispose();
        _offline.Dispose();
    }

    private ValueTask Record(object evt)
    {
        _events.Enqueue(evt);
        Interlocked.Exchange(ref _changed, new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously)).TrySetResult();
        return ValueTask.CompletedTask;
    }
}
