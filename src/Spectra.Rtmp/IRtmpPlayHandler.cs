namespace Spectra.Rtmp;

/// <summary>
/// The decision the RTMP server asks when a client sends <c>play</c>: which live stream, if any, it gets.
/// The server implements it by subscribing to the stream's FLV output.
/// </summary>
public interface IRtmpPlayHandler
{
    /// <summary>Called once per <c>play</c>; null when the stream is unknown or offline (NetStream.Play.StreamNotFound).</summary>
    /// <param name="request">Who plays what; the stream name is normalised like a publish name.</param>
    /// <param name="cancellationToken">Signalled when the connection closes.</param>
    ValueTask<IRtmpPlaySubscription?> PlayAsync(RtmpPlayRequest request, CancellationToken cancellationToken);
}
