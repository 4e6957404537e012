using System.Collections.Concurrent;
using System.Net;
using System.Runtime.InteropServices;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Spectra.Media.Srt.Internal;

namespace Spectra.Media.Srt;

/// <summary>
/// SRT ingest in listener mode, through libsrt (<see cref="SrtNative"/>): one UDP port (<see cref="SrtOptions.SrtPort"/>)
/// in live mode with the configured latency and passphrase. Publishers are decided inside the handshake (libsrt's
/// listen callback): the stream id is parsed (<see cref="SrtStreamId"/>), the connection limits are applied and the
/// stream key is checked by the control plane (<see cref="ISrtPublishHandler.AuthorizeAsync"/>); a refusal reaches the
/// caller as an SRT reject code and no connection is made. A wrong passphrase is refused by libsrt itself. Each
/// established connection then runs on its own thread (<see cref="SrtConnection"/>). Stopping the host closes them all.
/// </summary>
public sealed class SrtListener : IHostedService, IDisposable
{
    private static readonly TimeSpan PendingLifetime = TimeSpan.FromSeconds(10);
    private readonly SrtOptions _options;
    private readonly ISrtPublishHandler _handler;
    private readonly ILogger _logger;
    private readonly TimeProvider _time;
    private readonly ConcurrentDictionary<int, PendingConnection> _pending = new();
    private readonly ConcurrentDictionary<SrtConnection, byte> _connections = new();
    private readonly ConcurrentDictionary<IPAddress, int> _perAddress = new();
    private readonly CancellationTokenSource _stopping = new();
    private GCHandle _self;
    private Thread? _acceptThread;
    private ITimer? _sweeper;
    private int _socket = SrtNative.InvalidSocket;
    private int _open;
    private long _nextId;
    private bool _started;

    public SrtListener(IOptions<SrtOptions> options, ISrtPublishHandler handler, ILogger<SrtListener> logger, TimeProvider time)
    {
        _options = (options ?? throw new ArgumentNullException(nameof(options))).Value;
        _handler = handler ?? throw new ArgumentNullException(nameof(handler));
        _logger = logger ?? throw new ArgumentNullException(nameof(logger));
        _time = time ?? throw new ArgumentNullException(nameof(time));
    }

    /// <summary>The bound UDP port; 0 when SRT ingest is off.</summary>
    public int Port { get; private set; }

    /// <summary>Connections established and publishing now.</summary>
    public int ConnectionCount => _connections.Count;

    public unsafe Task StartAsync(CancellationToken cancellationToken)
    {
        if (_options.SrtPort == 0)
        {
            return Task.CompletedTask;
        }

        var address = _options.SrtAddress.Length == 0 ? IPAddress.Any : IPAddress.Parse(_options.SrtAddress);
        var endPoint = new IPEndPoint(address, _options.SrtPort);
        try
        {
            SrtNative.Startup();
        }
        catch (DllNotFoundException ex)
        {
            throw new InvalidOperationException(
                $"SRT ingest needs libsrt ({SrtNative.Library}, Debian package libsrt1.5-openssl): install it, or set Ingest:SrtPort to 0 to turn SRT ingest off.", ex);
        }

        _started = true;

        // Refusals and connection ends are logged here with their reasons; libsrt's own stderr log keeps to the critical.
        SrtNative.SetLogLevel(2);
        int socket = SrtNative.CreateSocket();
        if (socket == SrtNative.InvalidSocket || !Configure(socket) || !Bind(socket, endPoint) || SrtNative.Listen(socket, 64) == SrtNative.Error)
        {
            string error = SrtNative.LastErrorText();
            SrtLog.StartFailed(_logger, endPoint.ToString(), error);
            if (socket != SrtNative.InvalidSocket)
            {
                SrtNative.Close(socket);
            }

            throw new InvalidOperationException($"SRT ingest could not listen on udp {endPoint}: {error}");
        }

        _self = GCHandle.Alloc(this);
        SrtNative.ListenCallback(socket, &OnListen, GCHandle.ToIntPtr(_self));
        _socket = socket;
        Port = endPoint.Port;
        _sweeper = _time.CreateTimer(static state => ((SrtListener)state!).SweepPending(), this, PendingLifetime, PendingLifetime);
        _acceptThread = new Thread(AcceptLoop) { IsBackground = true, Name = "SRT accept" };
        _acceptThread.Start();
        SrtLog.Listening(_logger, endPoint.ToString(), _options.SrtLatencyMs, _options.SrtPassphrase.Length > 0 ? "AES encryption required" : "no encryption");
        return Task.CompletedTask;
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        if (_stopping.IsCancellationRequested)
        {
            return;
        }

        await _stopping.CancelAsync().ConfigureAwait(false);
        if (_sweeper is not null)
        {
            await _sweeper.DisposeAsync().ConfigureAwait(false);
        }

        if (_socket != SrtNative.InvalidSocket)
        {
            SrtNative.Close(_socket);
        }

        var threads = new List<Task>();
        foreach (var connection in _connections.Keys)
        {
            threads.Add(connection.Completion);
        }

        if (_acceptThread is not null)
        {
            var accept = _acceptThread;
            threads.Add(Task.Run(() => accept.Join(TimeSpan.FromSeconds(3)), CancellationToken.None));
        }

        bool finished = await Task.WhenAll(threads).WaitAsync(TimeSpan.FromSeconds(5), cancellationToken)
            .ContinueWith(t => t.IsCompletedSuccessfully, TaskScheduler.Default).ConfigureAwait(false);
        if (_started && finished)
        {
            // Only when nothing can still call into libsrt.
            SrtNative.Cleanup();
            _started = false;
        }
    }

    public void Dispose()
    {
        StopAsync(CancellationToken.None).GetAwaiter().GetResult();
        if (_self.IsAllocated)
        {
            _self.Free();
        }

        _stopping.Dispose();
    }

    /// <summary>libsrt's listen callback: decides a caller before the handshake completes (0 accepts, -1 refuses).</summary>
    [UnmanagedCallersOnly]
    private static int OnListen(nint opaque, int socket, int handshakeVersion, nint peer, nint streamId)
    {
        try
        {
            var listener = (SrtListener)GCHandle.FromIntPtr(opaque).Target!;
            return listener.Decide(socket, ReadEndPoint(peer), Marshal.PtrToStringUTF8(streamId));
        }
#pragma warning disable CA1031 // Nothing may unwind into libsrt.
        catch
#pragma warning restore CA1031
        {
            SrtNative.SetRejectReason(socket, (int)SrtRejection.InternalError);
            return -1;
        }
    }

    private static unsafe IPEndPoint? ReadEndPoint(nint address)
    {
        if (address == 0)
        {
            return null;
        }

        var bytes = new ReadOnlySpan<byte>((void*)address, 28);
        int family = bytes[0] | (bytes[1] << 8);
        int port = (bytes[2] << 8) | bytes[3];
        return family switch
        {
            2 => new IPEndPoint(new IPAddress(bytes.Slice(4, 4)), port),
            10 => new IPEndPoint(new IPAddress(bytes.Slice(8, 16)), port),
            _ => null,
        };
    }

    /// <summary>sockaddr_in / sockaddr_in6 as Linux lays them out.</summary>
    private static unsafe bool Bind(int socket, IPEndPoint endPoint)
    {
        Span<byte> address = stackalloc byte[28];
        address.Clear();
        int length;
        if (endPoint.AddressFamily == System.Net.Sockets.AddressFamily.InterNetworkV6)
        {
            address[0] = 10;
            endPoint.Address.TryWriteBytes(address[8..], out _);
            length = 28;
        }
        else
        {
            address[0] = 2;
            endPoint.Address.TryWriteBytes(address[4..], out _);
            length = 16;
        }

        address[2] = (byte)(endPoint.Port >> 8);
        address[3] = (byte)endPoint.Port;
        fixed (byte* p = address)
        {
            return SrtNative.Bind(socket, p, length) != SrtNative.Error;
        }
    }

    /// <summary>Options accepted sockets inherit: live mode, latency, encryption, peer idle timeout.</summary>
    private bool Configure(int socket)
    {
        bool ok = SrtNative.SetInt(socket, SrtSocketOption.TransmissionType, 0) != SrtNative.Error
            && SrtNative.SetInt(socket, SrtSocketOption.Latency, _options.SrtLatencyMs) != SrtNative.Error
            && SrtNative.SetInt(socket, SrtSocketOption.PeerIdleTimeout, (int)_options.SrtIdleTimeout.TotalMilliseconds) != SrtNative.Error
            && SrtNative.SetBool(socket, SrtSocketOption.EnforcedEncryption, true) != SrtNative.Error;
        if (ok && _options.SrtPassphrase.Length > 0)
        {
            ok = SrtNative.SetString(socket, SrtSocketOption.Passphrase, _options.SrtPassphrase) != SrtNative.Error
                && (_options.SrtKeyLength == 0 || SrtNative.SetInt(socket, SrtSocketOption.PassphraseKeyLength, _options.SrtKeyLength) != SrtNative.Error);
        }

        return ok;
    }

    private int Decide(int socket, IPEndPoint? remote, string? streamIdText)
    {
        string connectionId = "srt-" + Interlocked.Increment(ref _nextId).ToString(System.Globalization.CultureInfo.InvariantCulture);
        SweepPending();
        if (_stopping.IsCancellationRequested)
        {
            return Refuse(socket, connectionId, remote, SrtRejection.Overload, "the server is stopping");
        }

        if (Volatile.Read(ref _open) >= _options.SrtMaxConnections)
        {
            return Refuse(socket, connectionId, remote, SrtRejection.Overload, $"the server has its limit of {_options.SrtMaxConnections} SRT connections");
        }

        if (remote is not null && _perAddress.GetValueOrDefault(remote.Address) >= _options.SrtMaxConnectionsPerAddress)
        {
            return Refuse(socket, connectionId, remote, SrtRejection.Overload, $"the address has its limit of {_options.SrtMaxConnectionsPerAddress} SRT connections");
        }

        if (!SrtStreamId.TryParse(streamIdText, out var streamId, out var error))
        {
            return Refuse(socket, connectionId, remote, SrtRejection.BadRequest, "malformed stream id: " + error);
        }

        if (streamId.Mode != SrtStreamIdMode.Publish)
        {
            return Refuse(socket, connectionId, remote, SrtRejection.BadMode, $"the stream id asks for m={streamId.Mode.ToString().ToLowerInvariant()}; Spectra only takes publishers (m=publish) over SRT");
        }

        var request = new SrtPublishRequest(connectionId, streamId.StreamKey, remote);
        SrtPublishAuthorization authorization;
        using (var timeout = CancellationTokenSource.CreateLinkedTokenSource(_stopping.Token))
        {
            timeout.CancelAfter(_options.SrtDecisionTimeout);
            try
            {
                var decision = _handler.AuthorizeAsync(request, timeout.Token).AsTask();
                if (!decision.Wait(_options.SrtDecisionTimeout))
                {
                    return Refuse(socket, connectionId, remote, SrtRejection.InternalError, "the stream key decision took too long");
                }

                authorization = decision.Result;
            }
            catch (Exception ex) when (ex is AggregateException or OperationCanceledException)
            {
                SrtLog.DecisionFailed(_logger, connectionId, ex);
                return Refuse(socket, connectionId, remote, SrtRejection.InternalError, "the stream key decision failed");
            }
        }

        if (!authorization.Accepted)
        {
            return Refuse(socket, connectionId, remote, authorization.Rejection!.Value, authorization.Reason!);
        }

        Reserve(remote);
        _pending[socket] = new PendingConnection(request, authorization, _time.GetUtcNow());
        return 0;
    }

    private int Refuse(int socket, string connectionId, IPEndPoint? remote, SrtRejection rejection, string reason)
    {
        SrtNative.SetRejectReason(socket, (int)rejection);
        SrtLog.Rejected(_logger, connectionId, remote?.ToString(), (int)rejection, reason);
        return -1;
    }

    private void Reserve(IPEndPoint? remote)
    {
        Interlocked.Increment(ref _open);
        if (remote is not null)
        {
            _perAddress.AddOrUpdate(remote.Address, 1, (_, n) => n + 1);
        }
    }

    private void Release(IPEndPoint? remote)
    {
        Interlocked.Decrement(ref _open);
        if (remote is not null)
        {
            _perAddress.AddOrUpdate(remote.Address, 0, (_, n) => Math.Max(0, n - 1));
            _perAddress.TryRemove(new KeyValuePair<IPAddress, int>(remote.Address, 0));
        }
    }

    /// <summary>
    /// Handshakes whose stream key was accepted but that never completed give their slot back, with a log line: libsrt
    /// refused them after the key check (wrong or missing passphrase), or the caller went away.
    /// </summary>
    private void SweepPending()
    {
        var now = _time.GetUtcNow();
        foreach (var (socket, pending) in _pending)
        {
            if (now - pending.At > PendingLifetime && _pending.TryRemove(socket, out _))
            {
                Release(pending.Request.RemoteEndPoint);
                SrtLog.HandshakeAbandoned(_logger, pending.Request.ConnectionId, pending.Request.RemoteEndPoint?.ToString());
            }
        }
    }

    private unsafe void AcceptLoop()
    {
        Span<byte> address = stackalloc byte[28];
        while (!_stopping.IsCancellationRequested)
        {
            int length = address.Length;
            int socket;
            fixed (byte* p = address)
            {
                socket = SrtNative.Accept(_socket, p, &length);
            }

            if (socket == SrtNative.InvalidSocket)
            {
                if (_stopping.IsCancellationRequested)
                {
                    return;
                }

                SrtLog.AcceptFailed(_logger, SrtNative.LastErrorText());
                _stopping.Token.WaitHandle.WaitOne(100);
                continue;
            }

            if (!_pending.TryRemove(socket, out var pending))
            {
                SrtNative.Close(socket);
                continue;
            }

            var connection = new SrtConnection(socket, pending.Request, pending.Authorization, _handler, _options, _logger, _stopping.Token);
            _connections[connection] = 0;
            _ = connection.Completion.ContinueWith(
                _ =>
                {
                    _connections.TryRemove(connection, out byte _);
                    Release(pending.Request.RemoteEndPoint);
                },
                CancellationToken.None,
                TaskContinuationOptions.ExecuteSynchronously,
                TaskScheduler.Default);
            SrtLog.Connected(_logger, pending.Request.ConnectionId, pending.Request.RemoteEndPoint?.ToString());
            connection.Start();
        }
    }

    private sealed record PendingConnection(SrtPublishRequest Request, SrtPublishAuthorization Authorization, DateTimeOffset At);
}
