using Spectra.Rtmp.Internal;
using Spectra.Rtmp.Internal.Handshake;
using Spectra.Rtmp.Tests.TestData;

namespace Spectra.Rtmp.Tests.Internal.Handshake;

public sealed class RtmpHandshakeTests
{
    /// <summary>C0+C1 of a digest client: version field set, digest at the given scheme signed with the player key.</summary>
    private static byte[] DigestRequest(RtmpHandshakeScheme scheme, int seed)
    {
        var request = new byte[RtmpHandshake.RequestLength];
        new Random(seed).NextBytes(request);
        request[0] = 3;
        var c1 = request.AsSpan(1, RtmpHandshake.PacketLength);
        c1[4] = 9;
        c1[5] = 0;
        c1[6] = 124;
        c1[7] = 2;
        var offset = RtmpHandshakeDigest.GetDigestOffset(c1, scheme);
        RtmpHandshakeDigest.ComputeDigest(c1, offset, RtmpHandshakeDigest.PlayerDigestKey, c1.Slice(offset, 32));
        return request;
    }

    private static (RtmpHandshakeScheme Scheme, byte[] Response) Answer(byte[] request)
    {
        var response = new byte[RtmpHandshake.ResponseLength];
        var scheme = RtmpHandshake.WriteResponse(request, response, 1234);
        return (scheme, response);
    }

    [Fact]
    public void WriteResponse_ZeroVersionClient_EchoesC1AsS2()
    {
        var request = new byte[RtmpHandshake.RequestLength];
        new Random(1).NextBytes(request);
        request[0] = 3;
        request.AsSpan(5, 4).Clear();

        var (scheme, response) = Answer(request);

        Assert.Equal(RtmpHandshakeScheme.Simple, scheme);
        Assert.Equal(3, response[0]);
        Assert.Equal(new byte[] { 0, 0, 0x04, 0xD2, 0, 0, 0, 0 }, response[1..9]);
        Assert.Equal(request[1..], response[(1 + RtmpHandshake.PacketLength)..]);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    public void WriteResponse_DigestClient_SignsS1AndS2(int schemeValue)
    {
        var clientScheme = (RtmpHandshakeScheme)schemeValue;
        for (var seed = 0; seed < 20; seed++)
        {
            var request = DigestRequest(clientScheme, seed);
            var (scheme, response) = Answer(request);
            Assert.Equal(clientScheme, scheme);

            // S1 carries a valid server digest at the same scheme.
            var s1 = response.AsSpan(1, RtmpHandshake.PacketLength);
            Assert.NotEqual(0u, (uint)(s1[4] | s1[5] | s1[6] | s1[7]));
            var offset = RtmpHandshakeDigest.GetDigestOffset(s1, scheme);
            var expected = new byte[32];
            RtmpHandshakeDigest.ComputeDigest(s1, offset, RtmpHandshakeDigest.ServerDigestKey, expected);
            Assert.Equal(expected, s1.Slice(offset, 32).ToArray());

            // S2 is signed with a key derived from the client's digest.
            var c1 = request.AsSpan(1);
            var clientDigest = c1.Slice(RtmpHandshakeDigest.GetDigestOffset(c1, clientScheme), 32).ToArray();
            Assert.True(RtmpHandshakeDigest.VerifyResponse(response.AsSpan(1 + RtmpHandshake.PacketLength), clientDigest));
        }
    }

    [Fact]
    public void WriteResponse_VersionSetButNoValidDigest_FallsBackToEcho()
    {
        var request = DigestRequest(RtmpHandshakeScheme.Digest0, 7);
        request[100] ^= 0xFF;
        request[900] ^= 0xFF;
        var (scheme, response) = Answer(request);
        Assert.Equal(RtmpHandshakeScheme.Simple, scheme);
        Assert.Equal(request[1..], response[(1 + RtmpHandshake.PacketLength)..]);
    }

    [Theory]
    [InlineData(6)]
    [InlineData(0x47)]
    public void WriteResponse_OtherVersion_Throws(byte version)
    {
        var request = new byte[RtmpHandshake.RequestLength];
        request[0] = version;
        var ex = Assert.Throws<RtmpProtocolException>(() => Answer(request));
        Assert.Equal($"Handshake C0 requests RTMP version {version}; only version 3 is supported (RTMP 1.0 §5.2.2)", ex.Message);
    }

    [Fact]
    public void TryFindClientDigest_RealFfmpegC1_ValidAtScheme0()
    {
        var capture = GoldenFiles.FfmpegPublish;
        var c1 = capture.AsSpan(1, RtmpHandshake.PacketLength);
        Assert.Equal(new byte[] { 9, 0, 124, 2 }, c1.Slice(4, 4).ToArray());
        Assert.True(RtmpHandshakeDigest.TryFindClientDigest(c1, out var scheme, out var offset));
        Assert.Equal(RtmpHandshakeScheme.Digest0, scheme);
        Assert.InRange(offset, 12, 12 + 727);
    }

    [Fact]
    public void Keys_HaveDocumentedLengthsAndPrefixes()
    {
        Assert.Equal(68, RtmpHandshakeDigest.ServerKey.Length);
        Assert.Equal(62, RtmpHandshakeDigest.PlayerKey.Length);
        Assert.Equal("Genuine Adobe Flash Media Server 001", System.Text.Encoding.ASCII.GetString(RtmpHandshakeDigest.ServerDigestKey));
        Assert.Equal("Genuine Adobe Flash Player 001", System.Text.Encoding.ASCII.GetString(RtmpHandshakeDigest.PlayerDigestKey));
    }
}
