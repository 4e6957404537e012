using System.Net;
using System.Net.Sockets;

namespace Spectra.Testing;

public static class LoopbackPort
{
    /// <summary>A TCP port on 127.0.0.1 that was free a moment ago (the system picks it).</summary>
    public static int Free()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>A UDP port on 127.0.0.1 that was free a moment ago (the system picks it).</summary>
    public static int FreeUdp()
    {
        using var socket = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
        socket.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        return ((IPEndPoint)socket.LocalEndPoint!).Port;
    }
}
