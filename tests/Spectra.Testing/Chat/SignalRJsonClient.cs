using System.Buffers;
using System.Collections.Concurrent;
using System.Globalization;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using System.Threading.Channels;

namespace Spectra.Testing.Chat;

/// <summary>
/// A small client of the SignalR hub protocol, JSON encoding, over a WebSocket (the .NET SignalR
/// client is not used). Records are UTF-8 JSON terminated by the record separator 0x1E
/// (HubProtocol.md, "JSON Encoding"). Negotiation is skipped: the WebSocket connects straight
/// to the hub path, which ASP.NET Core accepts for the WebSockets transport.
/// </summary>
public sealed class SignalRJsonClient : IAsyncDisposable
{
    public const byte RecordSeparator = 0x1E;

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private readonly ClientWebSocket _socket;
    private readonly SignalRJsonClientOptions _options;
    private readonly SemaphoreSlim _sendLock = new(1, 1);
    private readonly ConcurrentDictionary<string, PendingInvocation> _pending = new(StringComparer.Ordinal);
    private readonly Lock _receivedLock = new();
    private readonly List<HubInvocation> _received = [];
    private readonly TaskCompletionSource<HubCloseMessage> _closed = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly CancellationTokenSource _stopping = new();
    private TaskCompletionSource _arrived = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private TaskCompletionSource<string>? _handshake;
    private Task? _receiveLoop;
    private Task? _pingLoop;
    private int _nextInvocationId;
    private int _disposed;

    private SignalRJsonClient(ClientWebSocket socket, SignalRJsonClientOptions options)
    {
        _socket = socket;
        _options = options;
    }

    /// <summary>Completes when the server sent a Close message or the socket closed.</summary>
    public Task<HubCloseMessage> Closed => _closed.Task;

    public WebSocketState State => _socket.State;

    /// <summary>Invocations received so far, in arrival order.</summary>
    public IReadOnlyList<HubInvocation> Received
    {
        get
        {
            lock (_receivedLock)
            {
                return [.. _received];
            }
        }
    }

    /// <summary>Opens a WebSocket to <paramref name="hubUri"/> (http(s) is turned into ws(s)) and performs the handshake.</summary>
    public static async Task<SignalRJsonClient> ConnectAsync(Uri hubUri, SignalRJsonClientOptions? options = null, CancellationToken cancellationToken = default)
    {
        options ??= new SignalRJsonClientOptions();
        var socket = new ClientWebSocket();
        if (options.Cookies is not null)
        {
            socket.Options.Cookies = options.Cookies;
        }

        foreach (var (name, value) in options.Headers)
        {
            socket.Options.SetRequestHeader(name, value);
        }

        var builder = new UriBuilder(hubUri) { Scheme = hubUri.Scheme == Uri.UriSchemeHttps ? "wss" : "ws" };
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(options.Timeout);
        await socket.ConnectAsync(builder.Uri, timeout.Token).ConfigureAwait(false);

        var client = new SignalRJsonClient(socket, options);
        client._handshake = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
        client._receiveLoop = Task.Run(client.ReceiveLoopAsync, CancellationToken.None);
        if (!options.SkipHandshake)
        {
            await client.SendRawAsync("{\"protocol\":\"json\",\"version\":1}\u001e", timeout.Token).ConfigureAwait(false);
            var response = await client._handshake.Task.WaitAsync(timeout.Token).ConfigureAwait(false);
            using var document = JsonDocument.Parse(response);
            if (document.RootElement.TryGetProperty("error", out var error))
            {
                await client.DisposeAsync().ConfigureAwait(false);
                throw new HubInvocationException("Handshake refused: " + error.GetString());
            }

            client._pingLoop = Task.Run(client.PingLoopAsync, CancellationToken.None);
        }

        return client;
    }

    /// <summary>Calls a hub method and waits for its completion; throws <see cref="HubInvocationException"/> on an error completion.</summary>
    public Task<JsonElement> InvokeAsync(string target, params object?[] arguments) =>
        InvokeAsync(target, arguments, CancellationToken.None);

    public async Task<JsonElement> InvokeAsync(string target, object?[] arguments, CancellationToken cancellationToken)
    {
        var id = Interlocked.Increment(ref _nextInvocationId).ToString(CultureInfo.InvariantCulture);
        var pending = new PendingInvocation(null);
        _pending[id] = pending;
        try
        {
            await SendRecordAsync(new Dictionary<string, object?>
            {
                ["type"] = (int)HubMessageType.Invocation,
                ["invocationId"] = id,
                ["target"] = target,
                ["arguments"] = arguments,
            }, cancellationToken).ConfigureAwait(false);
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(_options.Timeout);
            return await pending.Completion.Task.WaitAsync(timeout.Token).ConfigureAwait(false);
        }
        finally
        {
            _pending.TryRemove(id, out _);
        }
    }

    public async Task<T> InvokeAsync<T>(string target, params object?[] arguments)
    {
        var result = await InvokeAsync(target, arguments).ConfigureAwait(false);
        return result.Deserialize<T>(Json)!;
    }

    /// <summary>A non-blocking invocation: no invocation id, the server sends no completion.</summary>
    public Task SendAsync(string target, params object?[] arguments) =>
        SendRecordAsync(new Dictionary<string, object?>
        {
            ["type"] = (int)HubMessageType.Invocation,
            ["target"] = target,
            ["arguments"] = arguments,
        }, CancellationToken.None);

    /// <summary>Starts a server-to-client stream and yields its items until the completion.</summary>
    public async IAsyncEnumerable<JsonElement> StreamAsync(string target, params object?[] arguments)
    {
        var id = Interlocked.Increment(ref _nextInvocationId).ToString(CultureInfo.InvariantCulture);
        var items = Channel.CreateUnbounded<JsonElement>();
        var pending = new PendingInvocation(items);
        _pending[id] = pending;
        try
        {
            await SendRecordAsync(new Dictionary<string, object?>
            {
                ["type"] = (int)HubMessageType.StreamInvocation,
                ["invocationId"] = id,
                ["target"] = target,
                ["arguments"] = arguments,
            }, CancellationToken.None).ConfigureAwait(false);
            using var timeout = new CancellationTokenSource(_options.Timeout);
            await foreach (var item in items.Reader.ReadAllAsync(timeout.Token).ConfigureAwait(false))
            {
                yield return item;
            }

            await pending.Completion.Task.WaitAsync(timeout.Token).ConfigureAwait(false);
        }
        finally
        {
            _pending.TryRemove(id, out _);
        }
    }

    /// <summary>Sends text exactly as given (the caller adds record separators, or not).</summary>
    public Task SendRawAsync(string text, CancellationToken cancellationToken = default) =>
        SendRawAsync(Encoding.UTF8.GetBytes(text), cancellationToken);

    public async Task SendRawAsync(ReadOnlyMemory<byte> bytes, CancellationToken cancellationToken = default)
    {
        await _sendLock.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            await _socket.SendAsync(bytes, WebSocketMessageType.Text, endOfMessage: true, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            _sendLock.Release();
        }
    }

    /// <summary>
    /// Waits until an invocation of <paramref name="target"/> matching <paramref name="predicate"/>
    /// has been received (including ones received before the call).
    /// </summary>
    public async Task<HubInvocation> WaitForAsync(string target, Func<HubInvocation, bool>? predicate = null, TimeSpan? timeout = null)
    {
        using var cts = new CancellationTokenSource(timeout ?? _options.Timeout);
        var scanned = 0;
        while (true)
        {
            Task arrived;
            lock (_receivedLock)
            {
                for (; scanned < _received.Count; scanned++)
                {
                    var invocation = _received[scanned];
                    if (invocation.Target == target && (predicate is null || predicate(invocation)))
                    {
                        return invocation;
                    }
                }

                arrived = _arrived.Task;
            }

            if (_closed.Task.IsCompleted)
            {
                throw new InvalidOperationException($"Connection closed while waiting for '{target}': {_closed.Task.Result}");
            }

            try
            {
                await Task.WhenAny(arrived, _closed.Task).WaitAsync(cts.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                throw new TimeoutException($"No '{target}' invocation matched within {timeout ?? _options.Timeout}.");
            }
        }
    }

    /// <summary>All received invocations of <paramref name="target"/>.</summary>
    public List<HubInvocation> ReceivedOf(string target) => [.. Received.Where(r => r.Target == target)];

    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        await _stopping.CancelAsync().ConfigureAwait(false);
        if (_socket.State == WebSocketState.Open)
        {
            try
            {
                using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(2));
                await _socket.CloseAsync(WebSocketCloseStatus.NormalClosure, null, timeout.Token).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is WebSocketException or OperationCanceledException)
            {
                // The server may already be gone; nothing else to release.
            }
        }

        _socket.Abort();
        foreach (var task in new[] { _receiveLoop, _pingLoop })
        {
            if (task is not null)
            {
                await task.WaitAsync(TimeSpan.FromSeconds(5)).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            }
        }

        _socket.Dispose();
        _sendLock.Dispose();
        _stopping.Dispose();
    }

    private Task SendRecordAsync(object record, CancellationToken cancellationToken)
    {
        var json = JsonSerializer.SerializeToUtf8Bytes(record, Json);
        var bytes = new byte[json.Length + 1];
        json.CopyTo(bytes, 0);
        bytes[^1] = RecordSeparator;
        return SendRawAsync(bytes, cancellationToken);
    }

    private async Task PingLoopAsync()
    {
        using var timer = new PeriodicTimer(_options.PingInterval);
        try
        {
            while (await timer.WaitForNextTickAsync(_stopping.Token).ConfigureAwait(false))
            {
                await SendRawAsync("{\"type\":6}\u001e", _stopping.Token).ConfigureAwait(false);
            }
        }
        catch (Exception ex) when (ex is OperationCanceledException or WebSocketException or ObjectDisposedException)
        {
            // Stopped or the socket is gone; the receive loop reports the close.
        }
    }

    private async Task ReceiveLoopAsync()
    {
        var buffer = new ArrayBufferWriter<byte>(16 * 1024);
        var chunk = new byte[16 * 1024];
        try
        {
            while (!_stopping.IsCancellationRequested)
            {
                var result = await _socket.ReceiveAsync(chunk, _stopping.Token).ConfigureAwait(false);
                if (result.MessageType == WebSocketMessageType.Close)
                {
                    break;
                }

                buffer.Write(chunk.AsSpan(0, result.Count));
                var consumed = 0;
                var data = buffer.WrittenMemory;
                int end;
                while ((end = data.Span[consumed..].IndexOf(RecordSeparator)) >= 0)
                {
                    HandleRecord(data.Slice(consumed, end));
                    consumed += end + 1;
                }

                if (consumed > 0)
                {
                    var rest = data[consumed..].ToArray();
                    buffer.Clear();
                    buffer.Write(rest);
                }
            }
        }
        catch (Exception ex) when (ex is OperationCanceledException or WebSocketException or ObjectDisposedException)
        {
            // Socket aborted or closed without a close frame.
        }
        finally
        {
            _handshake?.TrySetException(new InvalidOperationException("Connection closed before the handshake completed."));
            _closed.TrySetResult(new HubCloseMessage(false, null, false));
            foreach (var pending in _pending.Values)
            {
                pending.Completion.TrySetException(new InvalidOperationException("Connection closed."));
                pending.Items?.Writer.TryComplete();
            }

            SignalArrival();
        }
    }

    private void HandleRecord(ReadOnlyMemory<byte> record)
    {
        if (_handshake is { Task.IsCompleted: false })
        {
            _handshake.TrySetResult(Encoding.UTF8.GetString(record.Span));
            return;
        }

        using var document = JsonDocument.Parse(record);
        var root = document.RootElement;
        var type = (HubMessageType)root.GetProperty("type").GetInt32();
        switch (type)
        {
            case HubMessageType.Invocation:
                var arguments = root.TryGetProperty("arguments", out var args)
                    ? args.EnumerateArray().Select(a => a.Clone()).ToArray()
                    : [];
                lock (_receivedLock)
                {
                    _received.Add(new HubInvocation(root.GetProperty("target").GetString()!, arguments, DateTime.UtcNow));
                }

                SignalArrival();
                break;

            case HubMessageType.StreamItem:
                if (_pending.TryGetValue(root.GetProperty("invocationId").GetString()!, out var streaming))
                {
                    streaming.Items?.Writer.TryWrite(root.GetProperty("item").Clone());
                }

                break;

            case HubMessageType.Completion:
                if (_pending.TryGetValue(root.GetProperty("invocationId").GetString()!, out var pending))
                {
                    pending.Items?.Writer.TryComplete();
                    if (root.TryGetProperty("error", out var error))
                    {
                        pending.Completion.TrySetException(new HubInvocationException(error.GetString() ?? "error"));
                    }
                    else
                    {
                        pending.Completion.TrySetResult(root.TryGetProperty("result", out var value) ? value.Clone() : default);
                    }
                }

                break;

            case HubMessageType.Close:
                _closed.TrySetResult(new HubCloseMessage(
                    true,
                    root.TryGetProperty("error", out var closeError) ? closeError.GetString() : null,
                    root.TryGetProperty("allowReconnect", out var reconnect) && reconnect.GetBoolean()));
                break;

            default:
                break;
        }
    }

    private void SignalArrival()
    {
        TaskCompletionSource previous;
        lock (_receivedLock)
        {
            previous = _arrived;
            _arrived = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        }

        previous.TrySetResult();
    }

    private sealed class PendingInvocation(Channel<JsonElement>? items)
    {
        public TaskCompletionSource<JsonElement> Completion { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public Channel<JsonElement>? Items { get; } = items;
    }
}
