using System.Diagnostics.Metrics;
using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Options;

namespace Spectra.Rtmp.Internal;

/// <summary>
/// What the open RTMP connections of one server hold together: how many they are, per remote address and in total
/// (admitting a new one only within <see cref="RtmpOptions.MaxConnectionsPerAddress"/> and
/// <see cref="RtmpOptions.MaxConnections"/>), and the bytes of message buffers they keep. Published as the metrics
/// <c>spectra.rtmp.connections</c> and <c>spectra.rtmp.buffer.size</c> of the meter <c>Spectra.Rtmp</c>.
/// </summary>
internal sealed class RtmpConnectionRegistry
{
    public const string MeterName = "Spectra.Rtmp";

    private readonly Lock _gate = new();
    private readonly Dictionary<IPAddress, int> _perAddress = [];
    private readonly int _maxConnections;
    private readonly int _maxConnectionsPerAddress;
    private int _connections;
    private long _heldBytes;

    public RtmpConnectionRegistry(IOptions<RtmpOptions> options, IMeterFactory meterFactory)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(meterFactory);
        _maxConnections = options.Value.MaxConnections;
        _maxConnectionsPerAddress = options.Value.MaxConnectionsPerAddress;
        var meter = meterFactory.Create(MeterName);
        meter.CreateObservableUpDownCounter("spectra.rtmp.connections", () => Connections, "{connection}", "Open RTMP connections.");
        meter.CreateObservableUpDownCounter("spectra.rtmp.buffer.size", () => HeldBytes, "By",
            "Bytes of pooled buffers held by all RTMP connections for incomplete messages.");
    }

    /// <summary>Which limit refused a connection.</summary>
    public enum Refusal
    {
        None,
        PerAddress,
        Total,
    }

    public int Connections => Volatile.Read(ref _connections);

    /// <summary>Sum of <see cref="Chunks.RtmpChunkReader.HeldBytes"/> over the open connections, as last reported by each.</summary>
    public long HeldBytes => Interlocked.Read(ref _heldBytes);

    /// <summary>
    /// The key a remote end point is counted under: IPv4 addresses as they are (IPv4-mapped IPv6 too), IPv6 addresses by
    /// their /64 prefix, which one host or site usually owns whole. Null (not an IP end point) counts only in the total.
    /// </summary>
    public static IPAddress? AddressKey(EndPoint? endPoint)
    {
        if (endPoint is not IPEndPoint { Address: var address })
        {
            return null;
        }

        if (address.IsIPv4MappedToIPv6)
        {
            return address.MapToIPv4();
        }

        if (address.AddressFamily != AddressFamily.InterNetworkV6)
        {
            return address;
        }

        Span<byte> bytes = stackalloc byte[16];
        address.TryWriteBytes(bytes, out _);
        bytes[8..].Clear();
        return new IPAddress(bytes);
    }

    /// <summary>Counts a new connection from <paramref name="address"/> unless a limit is reached.</summary>
    /// <param name="open">The count that met its limit when refused.</param>
    public Refusal TryOpen(IPAddress? address, out int open)
    {
        lock (_gate)
        {
            if (_connections >= _maxConnections)
            {
                open = _connections;
                return Refusal.Total;
            }

            if (address is not null)
            {
                var fromAddress = _perAddress.GetValueOrDefault(address);
                if (fromAddress >= _maxConnectionsPerAddress)
                {
                    open = fromAddress;
                    return Refusal.PerAddress;
                }

                _perAddress[address] = fromAddress + 1;
            }

            open = ++_connections;
            return Refusal.None;
        }
    }

    /// <summary>Forgets a connection <see cref="TryOpen"/> admitted.</summary>
    public void Close(IPAddress? address)
    {
        lock (_gate)
        {
            _connections--;
            if (address is not null && _perAddress.TryGetValue(address, out var fromAddress))
            {
                if (fromAddress <= 1)
                {
                    _perAddress.Remove(address);
                }
                else
                {
                    _perAddress[address] = fromAddress - 1;
                }
            }
        }
    }

    public void AddHeldBytes(long delta) => Interlocked.Add(ref _heldBytes, delta);
}
