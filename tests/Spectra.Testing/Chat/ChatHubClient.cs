using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR.Client;
using Spectra.Server.Chat;

namespace Spectra.Testing.Chat;

/// <summary>
/// A chat hub connection for tests: the .NET SignalR client (<see cref="HubConnection"/>) over the
/// WebSockets transport without negotiation (the hub offers only WebSockets), recording every client
/// method the server invokes so a test can wait for one, with a time limit, or look at all of them.
/// </summary>
public sealed class ChatHubClient : IAsyncDisposable
{
    /// <summary>Time limit of connecting, of invocations and of waits when a test gives none.</summary>
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(15);

    /// <summary>Every client method the chat hub invokes; each takes one argument.</summary>
    private static readonly string[] ClientMethods =
    [
        ChatClientMethods.Messages,
        ChatClientMethods.MessagesDeleted,
        ChatClientMethods.Settings,
        ChatClientMethods.Reactions,
        ChatClientMethods.Poll,
        ChatClientMethods.Question,
        ChatClientMethods.Viewers,
    ];

    private static readonly Type[] OneArgument = [typeof(JsonElement)];

    private readonly Lock _receivedLock = new();
    private readonly List<ReceivedInvocation> _received = [];
    private readonly TaskCompletionSource<Exception?> _closed = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private TaskCompletionSource _arrived = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _disposed;

    private ChatHubClient(HubConnection connection)
    {
        Connection = connection;
        foreach (var method in ClientMethods)
        {
            connection.On(method, OneArgument, arguments => Record(method, arguments));
        }

        connection.Closed += error =>
        {
            _closed.TrySetResult(error);
            SignalArrival();
            return Task.CompletedTask;
        };
    }

    public HubConnection Connection { get; }

    /// <summary>Completes when the connection has closed, with the error that closed it (null when none).</summary>
    public Task<Exception?> Closed => _closed.Task;

    /// <summary>Invocations received so far, in arrival order.</summary>
    public IReadOnlyList<ReceivedInvocation> Received
    {
        get
        {
            lock (_receivedLock)
            {
                return [.. _received];
            }
        }
    }

    /// <summary>
    /// Connects to <paramref name="hubUri"/> (query such as <c>?role=overlay</c> included) with the
    /// session in <paramref name="cookies"/> (anonymous when null) and extra upgrade request headers
    /// (for example Origin).
    /// </summary>
    public static async Task<ChatHubClient> ConnectAsync(
        Uri hubUri,
        CookieContainer? cookies = null,
        IReadOnlyDictionary<string, string>? headers = null,
        CancellationToken cancellationToken = default)
    {
        var connection = new HubConnectionBuilder()
            .WithUrl(hubUri, HttpTransportType.WebSockets, options =>
            {
                options.SkipNegotiation = true;
                if (cookies is not null)
                {
                    options.Cookies = cookies;
                }

                foreach (var (name, value) in headers ?? new Dictionary<string, string>())
                {
                    options.Headers[name] = value;
                }
            })
            .Build();
        var client = new ChatHubClient(connection);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(DefaultTimeout);
        try
        {
            await connection.StartAsync(timeout.Token).ConfigureAwait(false);
        }
        catch
        {
            await client.DisposeAsync().ConfigureAwait(false);
            throw;
        }

        return client;
    }

    /// <summary>
    /// Calls a hub method and returns its result as sent (default when the method returns nothing);
    /// throws <see cref="Microsoft.AspNetCore.SignalR.HubException"/> when the server completes it with an error.
    /// </summary>
    public async Task<JsonElement> InvokeAsync(string method, params object?[] arguments)
    {
        using var timeout = new CancellationTokenSource(DefaultTimeout);
        var result = await Connection.InvokeCoreAsync(method, typeof(JsonElement), arguments, timeout.Token).ConfigureAwait(false);
        return result is JsonElement element ? element : default;
    }

    /// <summary>Calls a hub method without waiting for it (the server sends no completion).</summary>
    public Task SendAsync(string method, params object?[] arguments) => Connection.SendCoreAsync(method, arguments);

    /// <summary>
    /// Waits until an invocation of <paramref name="target"/> matching <paramref name="predicate"/>
    /// has been received (including ones received before the call).
    /// </summary>
    public async Task<ReceivedInvocation> WaitForAsync(string target, Func<ReceivedInvocation, bool>? predicate = null, TimeSpan? timeout = null)
    {
        var limit = timeout ?? DefaultTimeout;
        using var cts = new CancellationTokenSource(limit);
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
                throw new InvalidOperationException($"Connection closed while waiting for '{target}': {_closed.Task.Result?.Message ?? "no error"}");
            }

            try
            {
                await Task.WhenAny(arrived, _closed.Task).WaitAsync(cts.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                throw new TimeoutException($"No '{target}' invocation matched within {limit}.");
            }
        }
    }

    /// <summary>All received invocations of <paramref name="target"/>.</summary>
    public List<ReceivedInvocation> ReceivedOf(string target) => [.. Received.Where(r => r.Target == target)];

    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        await Connection.DisposeAsync().ConfigureAwait(false);
    }

    private Task Record(string target, object?[] arguments)
    {
        var values = new JsonElement[arguments.Length];
        for (var i = 0; i < arguments.Length; i++)
        {
            values[i] = arguments[i] is JsonElement element ? element : default;
        }

        lock (_receivedLock)
        {
            _received.Add(new ReceivedInvocation(target, values, DateTime.UtcNow));
        }

        SignalArrival();
        return Task.CompletedTask;
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
}
