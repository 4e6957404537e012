namespace Spectra.Rtmp;

/// <summary>
/// The decision the media plane asks of the control plane when an RTMP client sends <c>publish</c>.
/// The server implements it (stream key check, one publisher per channel).
/// </summary>
public interface IRtmpPublishHandler
{
    /// <summary>
    /// Called once per accepted <c>publish</c> command, before any media of that stream is delivered.
    /// Media arriving meanwhile waits in the connection's receive buffer.
    /// </summary>
    /// <param name="request">Who publishes what; the stream name is already normalised (no query string, no app prefix).</param>
    /// <param name="cancellationToken">Signalled when the connection closes.</param>
    ValueTask<RtmpPublishResult> PublishAsync(RtmpPublishRequest request, CancellationToken cancellationToken);
}
