using Microsoft.Extensions.DependencyInjection;
using Spectra.Data;
using Spectra.Server.Chat.Polls;
using Spectra.Server.Chat.Presence;
using Spectra.Server.Chat.Questions;
using Spectra.Server.Chat.Reactions;
using Spectra.Server.Community;
using Spectra.Server.Community.Internal;
using Spectra.Server.Events;

namespace Spectra.Testing.Community;

/// <summary>Arranging live state for community tests: bus events, waits until they are handled, viewer counts.</summary>
public static class CommunityEvents
{
    /// <summary>
    /// Publishes <paramref name="evt"/> on the host's event bus and waits (at most <paramref name="limit"/>)
    /// until <see cref="CommunityEventProcessor"/> finished it: notifications stored and pushed, webhooks queued.
    /// </summary>
    public static async Task PublishAndWaitAsync<T>(this SpectraHost host, T evt, TimeSpan limit)
        where T : class
    {
        var processor = host.Services.GetRequiredService<CommunityEventProcessor>();
        var handled = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        void OnHandled(object e)
        {
            if (ReferenceEquals(e, evt))
            {
                handled.TrySetResult();
            }
        }

        processor.EventHandled += OnHandled;
        try
        {
            await host.Services.GetRequiredService<IEventBus>().PublishAsync(evt);
            await handled.Task.WaitAsync(limit);
        }
        finally
        {
            processor.EventHandled -= OnHandled;
        }
    }

    /// <summary>The id of the channel named <paramref name="channelName"/> (its owner's user name).</summary>
    public static async Task<Guid> ChannelIdAsync(this SpectraHost host, string channelName)
    {
        await using var scope = host.Services.CreateAsyncScope();
        var channel = await ChannelRef.FindByNameAsync(scope.ServiceProvider.GetRequiredService<SpectraDbContext>(), channelName, CancellationToken.None);
        return channel?.ChannelId ?? throw new InvalidOperationException("No channel " + channelName);
    }

    /// <summary>The channel goes live the way the media plane reports it (StreamOnline with a new session), handled by community.</summary>
    public static async Task GoLiveAsync(this SpectraHost host, string channelName, TimeSpan limit) =>
        await host.PublishAndWaitAsync(new StreamOnline(await host.ChannelIdAsync(channelName), channelName, Guid.NewGuid(), DateTime.UtcNow), limit);

    /// <summary>The channel goes offline (StreamOffline), handled by community.</summary>
    public static async Task GoOfflineAsync(this SpectraHost host, string channelName, TimeSpan limit) =>
        await host.PublishAndWaitAsync(new StreamOffline(await host.ChannelIdAsync(channelName), channelName, null, DateTime.UtcNow), limit);

    /// <summary>
    /// Runs <paramref name="action"/> (if any) and waits until the live directory's viewer count of the channel
    /// satisfies <paramref name="reached"/>. Viewers are chat presence (connections with the channel page open).
    /// </summary>
    public static async Task WaitForViewersAsync(this SpectraHost host, string channelName, Func<int, bool> reached, TimeSpan limit, Func<Task>? action = null)
    {
        var channelId = await host.ChannelIdAsync(channelName);
        var directory = host.Services.GetRequiredService<ILiveChannelDirectory>();
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);

        // Subscribed after the directory, so the bus (subscription order) has updated it when this runs.
        using var subscription = host.Services.GetRequiredService<IEventBus>().Subscribe<ViewersChanged>((e, _) =>
        {
            if (e.ChannelId == channelId && directory.TryGet(channelId, out var live) && reached(live.Viewers))
            {
                done.TrySetResult();
            }

            return ValueTask.CompletedTask;
        });
        if (action is not null)
        {
            await action();
        }

        if (directory.TryGet(channelId, out var now) && reached(now.Viewers))
        {
            return;
        }

        await done.Task.WaitAsync(limit);
    }
}
