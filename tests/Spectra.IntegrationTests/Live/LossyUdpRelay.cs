using System.Net;
using System.Net.Sockets;

namespace Spectra.IntegrationTests.Live;

/// <summary>
/// A UDP relay on 127.0.0.1 between an SRT caller and Spectra's listener that drops a share of the caller's data
/// datagrams (those of at least 1000 bytes: SRT data packets carry 1316 bytes of MPEG-TS; handshakes and control
/// packets are small and pass). Loss on loopback without tc netem, which would need root and a network namespace.
/// </summary>
internal sealed class LossyUdpRelay : IAsyncDisposable
{
    private readonly Socket _front = new(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
    private readonly Socket _back = new(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
    private readonly CancellationTokenSource _stop = new();
    private readonly double _loss;
    private readonly Random _random = new(5);
    private readonly Task _forward;
    private readonly Task _backward;
    private EndPoint? _caller;
    private long _dropped;

    public LossyUdpRelay(int targetPort, double loss)
    {
        _loss = loss;
        _front.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        _back.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        _back.Connect(new IPEndPoint(IPAddress.Loopback, targetPort));
        _forward = ForwardAsync();
        _backward = BackwardAsync();
    }

    public int Port => ((IPEndPoint)_front.LocalEndPoint!).Port;

    public long Dropped => Interlocked.Read(ref _dropped);

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _front.Dispose();
        _back.Dispose();
        await Task.WhenAll(_forward, _backward).ContinueWith(_ => { }, TaskScheduler.Default);
        _stop.Dispose();
    }

    private async Task ForwardAsync()
    {
        var buffer = new byte[2048];
        while (!_stop.IsCancellationRequested)
        {
            var received = await _front.ReceiveFromAsync(buffer, new IPEndPoint(IPAddress.Any, 0), _stop.Token);
            _caller = received.RemoteEndPoint;
            if (received.ReceivedBytes >= 1000 && _random.NextDouble() < _loss)
            {
                Interlocked.Increment(ref _dropped);
                continue;
            }

            await _back.SendAsync(buffer.AsMemory(0, received.ReceivedBytes), _stop.Token);
        }
    }

    private async Task BackwardAsync()
    {
        var buffer = new byte[2048];
        while (!_stop.IsCancellationRequested)
        {
            int length = await _back.ReceiveAsync(buffer, _stop.Token);
            if (_caller is { } caller)
            {
                await _front.SendToAsync(buffer.AsMemory(0, length), caller, _stop.Token);
            }
        }
    }
}
