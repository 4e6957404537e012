using Microsoft.Extensions.Logging;
using Spectra.Media.Delivery;

namespace Spectra.Media.Live;

public sealed partial class LiveStream
{
    private FlvFanOut? _flv;

    /// <summary>
    /// The FLV output (HTTP-FLV, WebSocket-FLV, RTMP play) fed with the source tags as they arrive; null when
    /// the session was started without one. Completed when the session stops.
    /// </summary>
    public FlvFanOut? Flv => Volatile.Read(ref _flv);

    /// <summary>Starts the FLV output; called once by <see cref="LiveStreamManager"/> before any tag arrives.</summary>
    internal void StartFlvFanOut(FlvFanOutOptions options) =>
        Volatile.Write(ref _flv, new FlvFanOut(ChannelName, options, _time, _loggerFactory.CreateLogger<FlvFanOut>()));
}
