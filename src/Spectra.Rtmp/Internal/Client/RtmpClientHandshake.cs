using System.Buffers.Binary;
using System.Security.Cryptography;
using Spectra.Rtmp.Internal.Handshake;

namespace Spectra.Rtmp.Internal.Client;

/// <summary>
/// Client side of the plain handshake (RTMP 1.0 §5.2): the client sends C0+C1, reads S0+S1+S2, answers C2 = S1 echoed.
/// <code>
/// C0 (1 byte): 3
/// C1 (1536 bytes): time(4) | zero(4) | random(1528)     — a zero version field asks for the plain handshake
/// C2 (1536 bytes): S1 time(4) | S1 time2(4) | S1 random echo(1528)
/// </code>
/// Servers (FMS, nginx-rtmp, Twitch, YouTube) answer a zero-version C1 with the plain scheme.
/// </summary>
internal static class RtmpClientHandshake
{
    /// <summary>Writes C0+C1 (<see cref="RtmpHandshake.RequestLength"/> bytes).</summary>
    /// <param name="clientTime">Milliseconds on the client's clock, arbitrary epoch (§5.2.3).</param>
    public static void WriteRequest(Span<byte> request, uint clientTime)
    {
        if (request.Length < RtmpHandshake.RequestLength)
        {
            throw new ArgumentException("The handshake buffer is too small.", nameof(request));
        }

        request[0] = RtmpHandshake.Version;
        var c1 = request.Slice(1, RtmpHandshake.PacketLength);
        BinaryPrimitives.WriteUInt32BigEndian(c1, clientTime);
        c1.Slice(4, 4).Clear();
        RandomNumberGenerator.Fill(c1[8..]);
    }

    /// <summary>Checks S0 and writes C2, the echo of S1 (§5.2.4).</summary>
    /// <param name="response">S0+S1+S2 (<see cref="RtmpHandshake.ResponseLength"/> bytes).</param>
    /// <exception cref="RtmpProtocolException">S0 is not version 3.</exception>
    public static void WriteAcknowledgement(ReadOnlySpan<byte> response, Span<byte> c2)
    {
        if (response.Length < RtmpHandshake.ResponseLength || c2.Length < RtmpHandshake.PacketLength)
        {
            throw new ArgumentException("Handshake buffers are too small.");
        }

        if (response[0] != RtmpHandshake.Version)
        {
            throw new RtmpProtocolException($"Handshake S0 announces RTMP version {response[0]}; only version 3 is supported (RTMP 1.0 §5.2.2)");
        }

        response.Slice(1, RtmpHandshake.PacketLength).CopyTo(c2);
    }
}
