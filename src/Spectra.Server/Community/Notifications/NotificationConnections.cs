using System.Collections.Concurrent;
using System.Net.WebSockets;
using System.Threading.Channels;

namespace Spectra.Server.Community.Notifications;

/// <summary>
/// Open notification WebSockets per user. Each socket has a bounded outbox drained by one writer, so
/// a fan-out never waits on a slow client: when a client's outbox is full the message is dropped for
/// it (the notification is still in its list).
/// </summary>
internal sealed class NotificationConnections
{
    /// <summary>Messages buffered per connection before dropping (default 64).</summary>
    public const int OutboxCapacity = 64;

    private readonly ConcurrentDictionary<Guid, ConcurrentDictionary<Guid, Channel<ReadOnlyMemory<byte>>>> _byUser = new();

    public int UserCount => _byUser.Count;

    public bool IsConnected(Guid userId) => _byUser.ContainsKey(userId);

    public ICollection<Guid> ConnectedUsers => _byUser.Keys;

    /// <summary>Queues a UTF-8 JSON text message to every socket of the user; returns whether any socket took it.</summary>
    public bool Send(Guid userId, ReadOnlyMemory<byte> message)
    {
        if (!_byUser.TryGetValue(userId, out var sockets))
        {
            return false;
        }

        var sent = false;
        foreach (var outbox in sockets.Values)
        {
            sent |= outbox.Writer.TryWrite(message);
        }

        return sent;
    }

    /// <summary>Runs one accepted socket until it closes: writes queued messages, reads (and ignores) client frames.</summary>
    public async Task RunAsync(Guid userId, WebSocket socket, ReadOnlyMemory<byte> hello, CancellationToken ct)
    {
        var id = Guid.NewGuid();
        var outbox = Channel.CreateBounded<ReadOnlyMemory<byte>>(new BoundedChannelOptions(OutboxCapacity)
        {
            FullMode = BoundedChannelFullMode.DropWrite,
            SingleReader = true,
        });
        outbox.Writer.TryWrite(hello);
        _byUser.GetOrAdd(userId, static _ => new ConcurrentDictionary<Guid, Channel<ReadOnlyMemory<byte>>>())[id] = outbox;
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(ct);
        try
        {
            var writer = WriteLoopAsync(socket, outbox.Reader, stop.Token);
            var buffer = new byte[1024];
            while (socket.State == WebSocketState.Open && !stop.IsCancellationRequested)
            {
                var result = await socket.ReceiveAsync(buffer, stop.Token);
                if (result.MessageType == WebSocketMessageType.Close)
                {
                    break;
                }
            }

            await stop.CancelAsync();
            try
            {
                await writer;
            }
            catch (OperationCanceledException)
            {
            }

            if (socket.State is WebSocketState.Open or WebSocketState.CloseReceived)
            {
                using var closeTimeout = new CancellationTokenSource(TimeSpan.FromSeconds(2));
                await socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, null, closeTimeout.Token);
            }
        }
        catch (Exception ex) when (ex is WebSocketException or OperationCanceledException)
        {
            // Client went away or server is stopping.
        }
        finally
        {
            if (_byUser.TryGetValue(userId, out var sockets))
            {
                sockets.TryRemove(id, out _);
                if (sockets.IsEmpty)
                {
                    _byUser.TryRemove(new KeyValuePair<Guid, ConcurrentDictionary<Guid, Channel<ReadOnlyMemory<byte>>>>(userId, sockets));
                }
            }

            outbox.Writer.TryComplete();
        }
    }

    private static async Task WriteLoopAsync(WebSocket socket, ChannelReader<ReadOnlyMemory<byte>> reader, CancellationToken ct)
    {
        await foreach (var message in reader.ReadAllAsync(ct))
        {
            await socket.SendAsync(message, WebSocketMessageType.Text, endOfMessage: true, ct);
        }
    }
}
