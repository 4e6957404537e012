using Microsoft.Extensions.Options;
using Spectra.Media.Live;
using Spectra.Media.Restream;
using Spectra.Server.Events;

namespace Spectra.Server.Restreaming;

/// <summary>
/// Decides what is pushed: when a channel goes live (StreamOnline) on this node, each of its enabled destinations
/// gets a <see cref="RestreamOutput"/> on the channel's <see cref="LiveStream"/>; a destination added, enabled,
/// disabled or removed while live is started or stopped at once (<see cref="SyncAsync"/>). The stream's end
/// completes every output; StreamOffline forgets them.
/// </summary>
internal sealed partial class RestreamCoordinator(
    LiveStreamManager streams,
    IEventBus events,
    IServiceScopeFactory scopes,
    IOptionsMonitor<RestreamOptions> options,
    TimeProvider time,
    ILoggerFactory loggerFactory) : IHostedService
{
    private readonly Dictionary<Guid, ChannelPush> _channels = [];
    private readonly Lock _lock = new();
    private readonly SemaphoreSlim _sync = new(1, 1);
    private readonly ILogger _logger = loggerFactory.CreateLogger<RestreamCoordinator>();
    private readonly List<IDisposable> _subscriptions = [];

    /// <summary>The push status of a destination in the channel's current broadcast; null when none runs.</summary>
    public RestreamStatus? GetStatus(Guid channelId, Guid destinationId)
    {
        lock (_lock)
        {
            return _channels.TryGetValue(channelId, out var push) && push.Outputs.TryGetValue(destinationId, out var output) ? output.Status : null;
        }
    }

    public Task StartAsync(CancellationToken cancellationToken)
    {
        _subscriptions.Add(events.Subscribe<StreamOnline>(async (e, ct) =>
        {
            if (!streams.TryGet(e.ChannelName, out _))
            {
                return; // held by another node
            }

            lock (_lock)
            {
                _channels.TryAdd(e.ChannelId, new ChannelPush(e.ChannelName));
            }

            await SyncAsync(e.ChannelId, ct).ConfigureAwait(false);
        }));
        _subscriptions.Add(events.Subscribe<StreamOffline>(async (e, _) =>
        {
            ChannelPush? push;
            lock (_lock)
            {
                if (!_channels.Remove(e.ChannelId, out push))
                {
                    return;
                }
            }

            await StopAllAsync(push).ConfigureAwait(false);
        }));
        return Task.CompletedTask;
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        foreach (var subscription in _subscriptions)
        {
            subscription.Dispose();
        }

        List<ChannelPush> pushes;
        lock (_lock)
        {
            pushes = [.. _channels.Values];
            _channels.Clear();
        }

        foreach (var push in pushes)
        {
            await StopAllAsync(push).ConfigureAwait(false);
        }
    }

    /// <summary>
    /// Makes the channel's running pushes match its enabled destinations: stops those no longer enabled (or
    /// changed), starts the missing ones. Does nothing when the channel is not live on this node.
    /// </summary>
    public async Task SyncAsync(Guid channelId, CancellationToken cancellationToken)
    {
        await _sync.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            ChannelPush? push;
            lock (_lock)
            {
                _channels.TryGetValue(channelId, out push);
            }

            if (push is null || !streams.TryGet(push.ChannelName, out var stream) || stream.IsStopped)
            {
                return;
            }

            List<RestreamDestination> wanted;
            await using (var scope = scopes.CreateAsyncScope())
            {
                wanted = await scope.ServiceProvider.GetRequiredService<RestreamDestinationService>()
                    .GetEnabledTargetsAsync(channelId, cancellationToken).ConfigureAwait(false);
            }

            var wantedIds = wanted.Select(d => Guid.Parse(d.Id)).ToHashSet();
            List<RestreamOutput> stopping = [];
            lock (_lock)
            {
                foreach (var (id, output) in push.Outputs.ToList())
                {
                    if (!wantedIds.Contains(id) || output.Completion.IsCompleted)
                    {
                        push.Outputs.Remove(id);
                        stopping.Add(output);
                    }
                }
            }

            foreach (var output in stopping)
            {
                stream.Unsubscribe(output);
                await output.DisposeAsync().ConfigureAwait(false);
            }

            foreach (var destination in wanted)
            {
                var id = Guid.Parse(destination.Id);
                lock (_lock)
                {
                    if (push.Outputs.ContainsKey(id))
                    {
                        continue;
                    }
                }

                var output = new RestreamOutput(push.ChannelName, destination, options.CurrentValue, time, loggerFactory.CreateLogger<RestreamOutput>());
                lock (_lock)
                {
                    push.Outputs[id] = output;
                }

                output.Attach(stream);
                output.Start();
                Log.PushStarted(_logger, push.ChannelName, destination.Name);
            }
        }
        finally
        {
            _sync.Release();
        }
    }

    private async Task StopAllAsync(ChannelPush push)
    {
        List<RestreamOutput> outputs;
        lock (_lock)
        {
            outputs = [.. push.Outputs.Values];
        }

        foreach (var output in outputs)
        {
            await output.DisposeAsync().ConfigureAwait(false);
        }
    }

    private sealed class ChannelPush(string channelName)
    {
        public string ChannelName { get; } = channelName;

        public Dictionary<Guid, RestreamOutput> Outputs { get; } = [];
    }

    private static partial class Log
    {
        [LoggerMessage(EventId = 4730, EventName = "RestreamPushStarted", Level = LogLevel.Information,
            Message = "Channel '{Channel}': pushing to restream destination '{Destination}'")]
        public static partial void PushStarted(ILogger logger, string channel, string destination);
    }
}
