using System.Buffers.Binary;
using System.Security.Cryptography;

namespace Spectra.Rtmp.Internal.Handshake;

/// <summary>
/// Server side of the handshake (RTMP 1.0 §5.2). The client sends C0+C1, the server answers S0+S1+S2 at once,
/// then the client sends C2, which carries nothing the server needs and is skipped.
/// <code>
/// C0/S0 (1 byte): version, 3 (§5.2.2)
/// C1/S1 (1536 bytes, §5.2.3): time(4) | zero(4) | random(1528)
/// C2/S2 (1536 bytes, §5.2.4): time(4) | time2(4) | random echo(1528)
/// </code>
/// Clients whose C1 carries a valid Flash Player 9 digest get a digest answer (<see cref="RtmpHandshakeDigest"/>);
/// every other client gets the plain answer where S2 echoes C1.
/// </summary>
internal static class RtmpHandshake
{
    public const byte Version = 3;
    public const int PacketLength = 1536;
    public const int RequestLength = 1 + PacketLength;
    public const int ResponseLength = 1 + (2 * PacketLength);

    /// <summary>Version field of a digest S1, in the FMS style (major.minor.build.patch); clients only check that it is non-zero.</summary>
    private static ReadOnlySpan<byte> ServerVersion => [0x04, 0x05, 0x00, 0x01];

    /// <summary>Writes S0+S1+S2 (<see cref="ResponseLength"/> bytes) answering C0+C1 (<see cref="RequestLength"/> bytes).</summary>
    /// <param name="request">C0 followed by C1.</param>
    /// <param name="response">Receives S0, S1, S2.</param>
    /// <param name="serverTime">S1 time field: milliseconds on a server clock with an arbitrary epoch (§5.2.3).</param>
    /// <exception cref="RtmpProtocolException">C0 is not version 3 (6 is RTMPE, unsupported).</exception>
    public static RtmpHandshakeScheme WriteResponse(ReadOnlySpan<byte> request, Span<byte> response, uint serverTime)
    {
        if (request.Length < RequestLength || response.Length < ResponseLength)
        {
            throw new ArgumentException("Handshake buffers are too small.");
        }

        if (request[0] != Version)
        {
            throw new RtmpProtocolException($"Handshake C0 requests RTMP version {request[0]}; only version 3 is supported (RTMP 1.0 §5.2.2)");
        }

        var c1 = request.Slice(1, PacketLength);
        var s1 = response.Slice(1, PacketLength);
        var s2 = response.Slice(1 + PacketLength, PacketLength);
        response[0] = Version;
        BinaryPrimitives.WriteUInt32BigEndian(s1, serverTime);
        RandomNumberGenerator.Fill(s1[8..]);

        // A zero version field means a plain RTMP 1.0 client; otherwise look for the digest at both positions.
        var hasVersion = BinaryPrimitives.ReadUInt32BigEndian(c1[4..]) != 0;
        if (hasVersion && RtmpHandshakeDigest.TryFindClientDigest(c1, out var scheme, out var digestOffset))
        {
            ServerVersion.CopyTo(s1[4..]);
            RtmpHandshakeDigest.SignServerPacket(s1, scheme);
            RandomNumberGenerator.Fill(s2);
            RtmpHandshakeDigest.SignResponse(s2, c1.Slice(digestOffset, RtmpHandshakeDigest.DigestLength));
            return scheme;
        }

        s1.Slice(4, 4).Clear();
        c1.CopyTo(s2);
        return RtmpHandshakeScheme.Simple;
    }
}
