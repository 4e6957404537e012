using System.Buffers;
using Spectra.Rtmp.Internal.Handshake;

namespace Spectra.Rtmp.Internal.Session;

internal sealed partial class RtmpSession
{
    /// <summary>
    /// C0+C1 in, S0+S1+S2 out, C2 in (RTMP 1.0 §5.2.5), all within <see cref="RtmpOptions.HandshakeTimeout"/>.
    /// Returns false when the peer closed before completing it.
    /// </summary>
    private async ValueTask<bool> HandshakeAsync()
    {
        _timeout.CancelAfter(_options.HandshakeTimeout);
        var request = ArrayPool<byte>.Shared.Rent(RtmpHandshake.RequestLength);
        var response = ArrayPool<byte>.Shared.Rent(RtmpHandshake.ResponseLength);
        try
        {
            if (!await ReadHandshakePacketAsync(request, RtmpHandshake.RequestLength, "C0+C1"))
            {
                return false;
            }

            var scheme = RtmpHandshake.WriteResponse(request, response, unchecked((uint)Environment.TickCount));
            await _output.WriteAsync(response.AsMemory(0, RtmpHandshake.ResponseLength), _timeout.Token);

            if (!await ReadHandshakePacketAsync(null, RtmpHandshake.PacketLength, "C2"))
            {
                return false;
            }

            _handshakeDone = true;
            _bytesReceived = RtmpHandshake.RequestLength + RtmpHandshake.PacketLength;
            Log.HandshakeCompleted(_logger, _connectionId, scheme);
            return true;
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(request);
            ArrayPool<byte>.Shared.Return(response);
        }
    }

    /// <summary>Waits for <paramref name="length"/> bytes and copies them to <paramref name="destination"/> (or skips them).</summary>
    private async ValueTask<bool> ReadHandshakePacketAsync(byte[]? destination, int length, string packet)
    {
        while (true)
        {
            var result = await _input.ReadAsync(_timeout.Token);
            var buffer = result.Buffer;

            // Check C0 as soon as it arrives so that non-RTMP traffic (HTTP, random bytes) is refused at once.
            if (destination is not null && !buffer.IsEmpty && buffer.FirstSpan[0] != RtmpHandshake.Version)
            {
                var version = buffer.FirstSpan[0];
                _input.AdvanceTo(buffer.End);
                throw new RtmpProtocolException($"Handshake C0 requests RTMP version {version}; only version 3 is supported (RTMP 1.0 §5.2.2)");
            }

            if (buffer.Length >= length)
            {
                if (destination is not null)
                {
                    buffer.Slice(0, length).CopyTo(destination);
                }

                _input.AdvanceTo(buffer.GetPosition(length));
                return true;
            }

            if (result.IsCompleted)
            {
                Log.HandshakeIncomplete(_logger, _connectionId, packet, buffer.Length, length);
                _input.AdvanceTo(buffer.End);
                return false;
            }

            _input.AdvanceTo(buffer.Start, buffer.End);
        }
    }
}
