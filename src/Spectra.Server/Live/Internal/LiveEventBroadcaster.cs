using System.Collections.Concurrent;
using System.Text.Json;
using System.Threading.Channels;
using Spectra.Server.Events;

namespace Spectra.Server.Live.Internal;

/// <summary>
/// Turns StreamOnline/StreamOffline from the event bus into server-sent events for every open
/// /live/events connection. One bus subscription for all clients; each client has a small bounded
/// queue (a client that does not read loses the oldest events, then resynchronises from the next snapshot
/// after its reconnect).
/// </summary>
internal sealed class LiveEventBroadcaster : IHostedService, IDisposable
{
    private const int ClientQueueCapacity = 64;
    private readonly ConcurrentDictionary<Channel<string>, byte> _clients = new();
    private readonly IEventBus _events;
    private readonly IServiceScopeFactory _scopes;
    private IDisposable? _online;
    private IDisposable? _offline;

    public LiveEventBroadcaster(IEventBus events, IServiceScopeFactory scopes)
    {
        _events = events;
        _scopes = scopes;
    }

    public static JsonSerializerOptions Json { get; } = new(JsonSerializerDefaults.Web);

    public int ClientCount => _clients.Count;

    public Task StartAsync(CancellationToken cancellationToken)
    {
        _online = _events.Subscribe<StreamOnline>(OnOnlineAsync);
        _offline = _events.Subscribe<StreamOffline>(OnOfflineAsync);
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken)
    {
        Dispose();
        foreach (var client in _clients.Keys)
        {
            client.Writer.TryComplete();
        }

        return Task.CompletedTask;
    }

    public void Dispose()
    {
        _online?.Dispose();
        _offline?.Dispose();
        _online = null;
        _offline = null;
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
        if (_clients.IsEmpty)
        {
            return;
        }

        LiveChannelCard card;
        await using (var scope = _scopes.CreateAsyncScope())
        {
            var directory = scope.ServiceProvider.GetRequiredService<LiveDirectory>();
            card = await directory.GetLiveChannelAsync(evt.ChannelId, cancellationToken)
                ?? new LiveChannelCard(evt.ChannelId, evt.ChannelName, "", null, null, evt.StreamSessionId ?? Guid.Empty, evt.At, LiveDirectory.ThumbnailUrl(evt.ChannelName), null);
        }

        Broadcast(Frame("online", LiveEventPayload.From(card)));
    }

    private ValueTask OnOfflineAsync(StreamOffline evt, CancellationToken cancellationToken)
    {
        Broadcast(Frame("offline", new LiveOfflinePayload(evt.ChannelName, evt.StreamSessionId, evt.At)));
        return ValueTask.CompletedTask;
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
