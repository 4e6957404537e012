using Spectra.Media.Live;
using Spectra.Rtmp;
using Spectra.Server.Live.Internal;

namespace Spectra.Server.Live;

/// <summary>
/// RTMP play of a live channel by name (<c>rtmp://HOST/live/{channel}</c>): the player subscribes to the stream's
/// FLV fan-out, like HTTP-FLV viewers. Only channel names are accepted, never stream keys: an unknown or offline
/// channel gets NetStream.Play.StreamNotFound.
/// </summary>
internal sealed class LivePlayHandler(LiveStreamManager streams) : IRtmpPlayHandler
{
    public ValueTask<IRtmpPlaySubscription?> PlayAsync(RtmpPlayRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        IRtmpPlaySubscription? subscription = null;
        if (streams.TryGet(request.StreamName, out var stream) && stream.Flv?.Subscribe() is { } viewer)
        {
            subscription = new FlvRtmpPlaySubscription(viewer);
        }

        return ValueTask.FromResult(subscription);
    }
}
