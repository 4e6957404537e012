using System.Collections.Concurrent;
using System.Text.Json;
using System.Threading.Channels;
using Microsoft.Extensions.Options;
using Spectra.Media;
using Spectra.Server.Chat.Presence;
using Spectra.Server.Events;

namespace Spectra.Server.Live.Internal;

/// <summary>
/// Turns StreamOnline/StreamOffline from the event bus into server-sent events for every open
/// /live/events connection. One bus subscription for all clients; each client has a small bounded
/// queue (a client that does not read loses the oldest events, then resynchronises from the next snapshot
/// after its reconnect). Viewer counts of live channels are coalesced: at most one <c>viewers</c> frame per
/// <see cref="LiveOptions.ViewersEventInterval"/>, carrying only the counts that changed.
/// </summary>
internal sealed class LiveEventBroadcaster : IHostedService, IDisposable
{
    private const int ClientQueueCapacity = 64;
    private readonly ConcurrentDictionary<Channel<string>, byte> _clients = new();
    private readonly IEventBus _events;
    private readonly IServiceScopeFactory _scopes;
    private readonly TimeProvider _time;
    private readonly TimeSpan _viewersInterval;
    private readonly ConcurrentDictionary<Guid, string> _liveNames = new();
    private readonly ConcurrentDictionary<Guid, int> _changedViewers = new();
    private readonly CancellationTokenSource _stopping = new();
    private IDisposable? _online;
    private IDisposable? _offline;
    private IDisposable? _viewers;
    private Task? _viewersLoop;

    public LiveEventBroadcaster(IEventBus events, IServiceScopeFactory scopes, IOptions<LiveOptions> options, TimeProvider time)
    {
        _events = events;
        _scopes = scopes;
        _time = time;
        _viewersInterval = options.Value.ViewersEventInterval;
    }

    public static JsonSerializerOptions Json { get; } = new(JsonSerializerDefaults.Web);

    public int ClientCount => _clients.Count;

    public Task StartAsync(CancellationToken cancellationToken)
    {
        _online = _events.Subscribe<StreamOnline>(OnOnlineAsync);
        _offline = _events.Subscribe<StreamOffline>(OnOfflineAsync);
        _viewers = _events.Subscribe<ViewersChanged>(OnViewersChanged);
        _viewersLoop = SendViewersAsync(_stopping.Token);
        return Task.CompletedTask;
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        Dispose();
        foreach (var client in _clients.Keys)
        {
            client.Writer.TryComplete();
        }

        if (_viewersLoop is { } loop)
        {
            await loop.WaitAsync(cancellationToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        }
    }

    public void Dispose()
    {
        _online?.Dispose();
        _offline?.Dispose();
        _viewers?.Dispose();
        _online = null;
        _offline = null;
        _viewers = null;
        if (!_stopping.IsCancellationRequested)
        {
            _stopping.Cancel();
        }
    }

    /// <summary>Registers a client; dispose the returned handle when its connection ends.</summary>
    public Client Connect()
    {
        var channel = Channel.CreateBounded<string>(new BoundedChannelOptions(ClientQueueCapacity)
        {
            FullMode = BoundedChannelFullMode.DropOldest,
            SingleReader = true,
        });
        _clients.TryAdd(channel, 0);
        return new Client(this, channel);
    }

    /// <summary>One SSE frame: <c>event: NAME</c>, one <c>data:</c> line of JSON, blank line (HTML §9.2.6).</summary>
    public static string Frame(string eventName, object payload) =>
        $"event: {eventName}\ndata: {JsonSerializer.Serialize(payload, Json)}\n\n";

    private async ValueTask OnOnlineAsync(StreamOnline evt, CancellationToken cancellationToken)
    {
        _liveNames[evt.ChannelId] = evt.ChannelName;
        if (_clients.IsEmpty)
        {
            return;
        }

        LiveChannelCard card;
        await using (var scope = _scopes.CreateAsyncScope())
        {
            var directory = scope.ServiceProvider.GetRequiredService<LiveDirectory>();
            card = await directory.GetLiveChannelAsync(evt.ChannelId, cancellationToken)
                ?? new LiveChannelCard(evt.ChannelId, evt.ChannelName, "", null, null, evt.StreamSessionId ?? Guid.Empty, evt.At, MediaUrls.Thumbnail(evt.ChannelName), 0);
        }

        Broadcast(Frame("online", LiveEventPayload.From(card)));
    }

    private ValueTask OnOfflineAsync(StreamOffline evt, CancellationToken cancellationToken)
    {
        _liveNames.TryRemove(evt.ChannelId, out _);
        _changedViewers.TryRemove(evt.ChannelId, out _);
        Broadcast(Frame("offline", new LiveOfflinePayload(evt.ChannelName, evt.StreamSessionId, evt.At)));
        return ValueTask.CompletedTask;
    }

    private ValueTask OnViewersChanged(ViewersChanged evt, CancellationToken cancellationToken)
    {
        if (_liveNames.ContainsKey(evt.ChannelId))
        {
            _changedViewers[evt.ChannelId] = evt.Viewers;
        }

        return ValueTask.CompletedTask;
    }

    private async Task SendViewersAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(_viewersInterval, _time);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                if (_changedViewers.IsEmpty)
                {
                    continue;
                }

                var counts = new Dictionary<string, int>();
                foreach (var channelId in _changedViewers.Keys)
                {
                    if (_changedViewers.TryRemove(channelId, out var viewers) && _liveNames.TryGetValue(channelId, out var name))
                    {
                        counts[name] = viewers;
                    }
                }

                if (counts.Count > 0 && !_clients.IsEmpty)
                {
                    // event: viewers, data: {"channelName": viewers, ...}
                    Broadcast(Frame("viewers", counts));
                }
            }
        }
        catch (OperationCanceledException)
        {
            // Stopping.
        }
    }

    private void Broadcast(string frame)
    {
        foreach (var client in _clients.Keys)
        {
            client.Writer.TryWrite(frame);
        }
    }

    internal sealed class Client(LiveEventBroadcaster owner, Channel<string> channel) : IDisposable
    {
        public ChannelReader<string> Frames => channel.Reader;

        public void Dispose()
        {
            owner._clients.TryRemove(channel, out _);
            channel.Writer.TryComplete();
        }
    }
}
