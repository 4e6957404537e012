using System.Buffers;
using System.Buffers.Text;
using System.Diagnostics;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json;

namespace Spectra.Bench.Chat;

/// <summary>
/// The default reader: a lean, receive-only SignalR JSON-protocol client. One WebSocket, one receive
/// loop that scans each record with <see cref="Utf8JsonReader"/> for message texts of the form
/// "b:{ticks}" (stamped by a sender in this process) and records the delivery latency. It is kept
/// beside <see cref="HubLoadClient"/> because 2,000 readers share the 2 cores with the server: on
/// HubConnection each delivery takes more scheduled hops in the generator, and that queueing, not
/// the server, then dominates the measured latency (docs/benchmarks.md, "Chat fan-out").
/// </summary>
internal sealed class LoadClient : IChatLoadClient
{
    private static readonly byte[] Handshake = Encoding.UTF8.GetBytes("{\"protocol\":\"json\",\"version\":1}\u001e");
    private static readonly byte[] Ping = Encoding.UTF8.GetBytes("{\"type\":6}\u001e");
    private static readonly byte[] TextProperty = Encoding.UTF8.GetBytes("text");

    private readonly ClientWebSocket _socket = new();
    private readonly Uri _hub;
    private readonly LoadStats _stats;
    private readonly SemaphoreSlim _sendLock = new(1, 1);
    private readonly TaskCompletionSource<string> _firstCompletion = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private Task? _receive;

    /// <param name="hub">The hub's http URL; the WebSocket goes to the same path (no negotiation).</param>
    public LoadClient(Uri hub, LoadStats stats)
    {
        _hub = new UriBuilder(hub) { Scheme = hub.Scheme == Uri.UriSchemeHttps ? "wss" : "ws" }.Uri;
        _stats = stats;
        _socket.Options.KeepAliveInterval = TimeSpan.Zero;
        _socket.Options.SetBuffer(16 * 1024, 4 * 1024);
    }

    public async Task ConnectAsync(string channel, CancellationToken cancellationToken)
    {
        await _socket.ConnectAsync(_hub, cancellationToken);
        await SendAsync(Handshake, cancellationToken);
        _receive = Task.Run(ReceiveLoopAsync, CancellationToken.None);
        var join = $"{{\"type\":1,\"invocationId\":\"1\",\"target\":\"JoinChannel\",\"arguments\":[\"{channel}\",null]}}\u001e";
        await SendAsync(Encoding.UTF8.GetBytes(join), cancellationToken);
        var result = await _firstCompletion.Task.WaitAsync(TimeSpan.FromSeconds(60), cancellationToken);
        if (result.Contains("\"error\"", StringComparison.Ordinal))
        {
            throw new InvalidOperationException("JoinChannel failed: " + result);
        }
    }

    /// <summary>A keep-alive Ping message; the server drops clients silent for 30 s.</summary>
    public Task PingAsync(CancellationToken cancellationToken) => SendAsync(Ping, cancellationToken);

    public async ValueTask DisposeAsync()
    {
        try
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(2));
            await _socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, null, timeout.Token);
        }
        catch (Exception ex) when (ex is WebSocketException or OperationCanceledException or ObjectDisposedException)
        {
            // Already gone.
        }

        _socket.Abort();
        if (_receive is not null)
        {
            await _receive.WaitAsync(TimeSpan.FromSeconds(5)).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        }

        _socket.Dispose();
        _sendLock.Dispose();
    }

    private async Task SendAsync(byte[] bytes, CancellationToken cancellationToken)
    {
        await _sendLock.WaitAsync(cancellationToken);
        try
        {
            await _socket.SendAsync(bytes, WebSocketMessageType.Text, true, cancellationToken);
        }
        finally
        {
            _sendLock.Release();
        }
    }

    private async Task ReceiveLoopAsync()
    {
        var buffer = new byte[64 * 1024];
        var filled = 0;
        var handshakeDone = false;
        try
        {
            while (true)
            {
                if (filled == buffer.Length)
                {
                    Array.Resize(ref buffer, buffer.Length * 2);
                }

                var result = await _socket.ReceiveAsync(buffer.AsMemory(filled), CancellationToken.None);
                if (result.MessageType == WebSocketMessageType.Close)
                {
                    break;
                }

                filled += result.Count;
                var start = 0;
                int end;
                while ((end = Array.IndexOf(buffer, (byte)0x1E, start, filled - start)) >= 0)
                {
                    var record = buffer.AsSpan(start, end - start);
                    if (!handshakeDone)
                    {
                        handshakeDone = true;
                    }
                    else
                    {
                        HandleRecord(record);
                    }

                    start = end + 1;
                }

                if (start > 0)
                {
                    Buffer.BlockCopy(buffer, start, buffer, 0, filled - start);
                    filled -= start;
                }
            }
        }
        catch (Exception ex) when (ex is WebSocketException or ObjectDisposedException or OperationCanceledException)
        {
            // Connection ended.
        }
        finally
        {
            _firstCompletion.TrySetResult("{\"error\":\"closed\"}");
        }
    }

    private void HandleRecord(ReadOnlySpan<byte> record)
    {
        // Type is the first property the server writes ({"type":1,...}).
        var type = record.Length > 8 && record[0] == (byte)'{' ? record[8] : (byte)0;
        if (type == (byte)'3')
        {
            // The only invocation a reader makes is JoinChannel.
            _firstCompletion.TrySetResult(Encoding.UTF8.GetString(record));
            return;
        }

        if (type != (byte)'1' || record.IndexOf("\"messages\""u8) < 0)
        {
            return;
        }

        var now = Stopwatch.GetTimestamp();
        var reader = new Utf8JsonReader(record);
        while (reader.Read())
        {
            if (reader.TokenType == JsonTokenType.PropertyName && reader.ValueTextEquals(TextProperty))
            {
                reader.Read();
                var value = reader.ValueSpan;
                if (value.Length > 2 && value[0] == (byte)'b' && value[1] == (byte)':'
                    && Utf8Parser.TryParse(value[2..], out long stamp, out _))
                {
                    _stats.Record(now, stamp);
                }
            }
        }
    }
}
