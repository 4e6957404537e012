using Spectra.Media.Delivery;
using Spectra.Rtmp;

namespace Spectra.Server.Live.Internal;

/// <summary>An RTMP player's subscription: an <see cref="FlvViewer"/> whose tag bodies are the RTMP message payloads.</summary>
internal sealed class FlvRtmpPlaySubscription(FlvViewer viewer) : IRtmpPlaySubscription
{
    public CancellationToken Closed => viewer.Closed;

    public ValueTask<bool> WaitToReadAsync(CancellationToken cancellationToken) => viewer.WaitToReadAsync(cancellationToken);

    public bool TryReadTo(IRtmpPlayWriter writer)
    {
        if (!viewer.TryRead(out var tag))
        {
            return false;
        }

        using (tag)
        {
            // FLV tag types 8, 9 and 18 are the RTMP message type ids of audio, video and AMF0 data.
            writer.Write((byte)tag.Type, tag.TimestampMs, tag.Body.Span);
        }

        return true;
    }

    public void Dispose() => viewer.Dispose();
}
