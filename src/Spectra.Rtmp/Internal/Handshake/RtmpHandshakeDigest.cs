using System.Security.Cryptography;

namespace Spectra.Rtmp.Internal.Handshake;

/// <summary>
/// The Flash Player 9 ("complex") handshake digests. Not part of the published RTMP 1.0 specification; this is the
/// de-facto scheme that Flash Player, ffmpeg and OBS send and that FMS-compatible servers answer.
/// <code>
/// C1/S1 (1536 bytes):
/// +---------+---------+--------------------------+--------------------------+
/// | time(4) | vers(4) |   block A (764 bytes)    |   block B (764 bytes)    |
/// +---------+---------+--------------------------+--------------------------+
/// scheme 0: A = digest block, B = key block; scheme 1: A = key block, B = digest block.
/// digest block: offset(4) | random(o) | digest(32) | random(728 - o),  o = (sum of the 4 offset bytes) mod 728
/// digest = HMAC-SHA256(key, packet without its 32 digest bytes)
///   C1 key: "Genuine Adobe Flash Player 001" (first 30 bytes of the player key)
///   S1 key: "Genuine Adobe Flash Media Server 001" (first 36 bytes of the server key)
/// S2 (1536 bytes): random(1504) | HMAC-SHA256(HMAC-SHA256(full 68-byte server key, C1 digest), random(1504))
/// </code>
/// </summary>
internal static class RtmpHandshakeDigest
{
    public const int DigestLength = 32;

    private const int BlockLength = 764;
    private const int OffsetModulo = 728;

    /// <summary>"Genuine Adobe Flash Media Server 001" followed by 32 fixed bytes (68 bytes).</summary>
    public static ReadOnlySpan<byte> ServerKey =>
    [
        0x47, 0x65, 0x6E, 0x75, 0x69, 0x6E, 0x65, 0x20, 0x41, 0x64, 0x6F, 0x62, 0x65, 0x20, 0x46, 0x6C,
        0x61, 0x73, 0x68, 0x20, 0x4D, 0x65, 0x64, 0x69, 0x61, 0x20, 0x53, 0x65, 0x72, 0x76, 0x65, 0x72,
        0x20, 0x30, 0x30, 0x31,
        0xF0, 0xEE, 0xC2, 0x4A, 0x80, 0x68, 0xBE, 0xE8, 0x2E, 0x00, 0xD0, 0xD1, 0x02, 0x9E, 0x7E, 0x57,
        0x6E, 0xEC, 0x5D, 0x2D, 0x29, 0x80, 0x6F, 0xAB, 0x93, 0xB8, 0xE6, 0x36, 0xCF, 0xEB, 0x31, 0xAE,
    ];

    /// <summary>"Genuine Adobe Flash Player 001" followed by the same 32 fixed bytes (62 bytes).</summary>
    public static ReadOnlySpan<byte> PlayerKey =>
    [
        0x47, 0x65, 0x6E, 0x75, 0x69, 0x6E, 0x65, 0x20, 0x41, 0x64, 0x6F, 0x62, 0x65, 0x20, 0x46, 0x6C,
        0x61, 0x73, 0x68, 0x20, 0x50, 0x6C, 0x61, 0x79, 0x65, 0x72, 0x20, 0x30, 0x30, 0x31,
        0xF0, 0xEE, 0xC2, 0x4A, 0x80, 0x68, 0xBE, 0xE8, 0x2E, 0x00, 0xD0, 0xD1, 0x02, 0x9E, 0x7E, 0x57,
        0x6E, 0xEC, 0x5D, 0x2D, 0x29, 0x80, 0x6F, 0xAB, 0x93, 0xB8, 0xE6, 0x36, 0xCF, 0xEB, 0x31, 0xAE,
    ];

    public static ReadOnlySpan<byte> PlayerDigestKey => PlayerKey[..30];

    public static ReadOnlySpan<byte> ServerDigestKey => ServerKey[..36];

    /// <summary>Offset of the 32-byte digest inside a 1536-byte C1/S1 for the given scheme (0 or 1).</summary>
    public static int GetDigestOffset(ReadOnlySpan<byte> packet, RtmpHandshakeScheme scheme)
    {
        var blockStart = scheme == RtmpHandshakeScheme.Digest0 ? 8 : 8 + BlockLength;
        var sum = packet[blockStart] + packet[blockStart + 1] + packet[blockStart + 2] + packet[blockStart + 3];
        return blockStart + 4 + (sum % OffsetModulo);
    }

    /// <summary>HMAC-SHA256 over the packet with its digest bytes left out.</summary>
    public static void ComputeDigest(ReadOnlySpan<byte> packet, int digestOffset, ReadOnlySpan<byte> key, Span<byte> destination)
    {
        Span<byte> message = stackalloc byte[RtmpHandshake.PacketLength - DigestLength];
        packet[..digestOffset].CopyTo(message);
        packet[(digestOffset + DigestLength)..].CopyTo(message[digestOffset..]);
        HMACSHA256.HashData(key, message, destination);
    }

    /// <summary>Looks for a valid client digest in C1 at scheme 0, then scheme 1.</summary>
    public static bool TryFindClientDigest(ReadOnlySpan<byte> c1, out RtmpHandshakeScheme scheme, out int digestOffset)
    {
        Span<byte> expected = stackalloc byte[DigestLength];
        foreach (var candidate in (ReadOnlySpan<RtmpHandshakeScheme>)[RtmpHandshakeScheme.Digest0, RtmpHandshakeScheme.Digest1])
        {
            var offset = GetDigestOffset(c1, candidate);
            ComputeDigest(c1, offset, PlayerDigestKey, expected);
            if (CryptographicOperations.FixedTimeEquals(expected, c1.Slice(offset, DigestLength)))
            {
                scheme = candidate;
                digestOffset = offset;
                return true;
            }
        }

        scheme = RtmpHandshakeScheme.Simple;
        digestOffset = -1;
        return false;
    }

    /// <summary>Writes the S1 digest at the position the scheme derives from S1's own offset bytes.</summary>
    public static void SignServerPacket(Span<byte> s1, RtmpHandshakeScheme scheme)
    {
        var offset = GetDigestOffset(s1, scheme);
        ComputeDigest(s1, offset, ServerDigestKey, s1.Slice(offset, DigestLength));
    }

    /// <summary>Fills the last 32 bytes of S2 with the signature derived from the client's C1 digest.</summary>
    public static void SignResponse(Span<byte> s2, ReadOnlySpan<byte> clientDigest)
    {
        Span<byte> key = stackalloc byte[DigestLength];
        HMACSHA256.HashData(ServerKey, clientDigest, key);
        var signed = RtmpHandshake.PacketLength - DigestLength;
        HMACSHA256.HashData(key, s2[..signed], s2[signed..]);
    }

    /// <summary>Checks an S2 signature as a client would; used by tests and diagnostics.</summary>
    public static bool VerifyResponse(ReadOnlySpan<byte> s2, ReadOnlySpan<byte> clientDigest)
    {
        Span<byte> key = stackalloc byte[DigestLength];
        Span<byte> expected = stackalloc byte[DigestLength];
        HMACSHA256.HashData(ServerKey, clientDigest, key);
        var signed = RtmpHandshake.PacketLength - DigestLength;
        HMACSHA256.HashData(key, s2[..signed], expected);
        return CryptographicOperations.FixedTimeEquals(expected, s2[signed..]);
    }
}
