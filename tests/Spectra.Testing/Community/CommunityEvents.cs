using Microsoft.Extensions.DependencyInjection;
using Spectra.Server.Community.Internal;
using Spectra.Server.Events;

namespace Spectra.Testing.Community;

/// <summary>Publishing bus events and waiting until the community area handled them.</summary>
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
}
