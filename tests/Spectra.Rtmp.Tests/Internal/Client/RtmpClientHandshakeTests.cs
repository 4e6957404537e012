using System.Buffers.Binary;
using Spectra.Rtmp.Internal;
using Spectra.Rtmp.Internal.Client;
using Spectra.Rtmp.Internal.Handshake;

namespace Spectra.Rtmp.Tests.Internal.Client;

public sealed class RtmpClientHandshakeTests
{
    [Fact]
    public void WriteRequest_VersionThreeTimeZeroVersionRandom()
    {
        var request = new byte[RtmpHandshake.RequestLength];
        RtmpClientHandshake.WriteRequest(request, 0x01020304);

        Assert.Equal(3, request[0]);
        Assert.Equal(0x01020304u, BinaryPrimitives.ReadUInt32BigEndian(request.AsSpan(1)));
        Assert.Equal(0u, BinaryPrimitives.ReadUInt32BigEndian(request.AsSpan(5)));
        Assert.Contains(request.Skip(9), b => b != 0);
    }

    [Fact]
    public void Handshake_AgainstSpectrasServer_PlainSchemeAndC2EchoesS1()
    {
        var request = new byte[RtmpHandshake.RequestLength];
        RtmpClientHandshake.WriteRequest(request, 1000);
        var response = new byte[RtmpHandshake.ResponseLength];

        Assert.Equal(RtmpHandshakeScheme.Simple, RtmpHandshake.WriteResponse(request, response, 2000));
        Assert.Equal(request.AsSpan(1).ToArray(), response.AsSpan(1 + RtmpHandshake.PacketLength).ToArray()); // S2 echoes C1

        var c2 = new byte[RtmpHandshake.PacketLength];
        RtmpClientHandshake.WriteAcknowledgement(response, c2);
        Assert.Equal(response.AsSpan(1, RtmpHandshake.PacketLength).ToArray(), c2);
    }

    [Fact]
    public void WriteAcknowledgement_S0NotVersionThree_Throws()
    {
        var response = new byte[RtmpHandshake.ResponseLength];
        response[0] = 6;
        var ex = Assert.Throws<RtmpProtocolException>(() => RtmpClientHandshake.WriteAcknowledgement(response, new byte[RtmpHandshake.PacketLength]));
        Assert.Contains("version 6", ex.Message, StringComparison.Ordinal);
    }
}
