namespace Spectra.Rtmp;

/// <summary>
/// A player's view of a live stream: a queue of FLV tag bodies the connection sends as RTMP messages.
/// Disposed by the connection when it ends.
/// </summary>
public interface IRtmpPlaySubscription : IDisposable
{
    /// <summary>Cancelled when the source drops this player (too slow, stalled): the connection is closed.</summary>
    CancellationToken Closed { get; }

    /// <summary>Waits for a message; false once the stream has ended and everything queued has been taken.</summary>
    ValueTask<bool> WaitToReadAsync(CancellationToken cancellationToken);

    /// <summary>Hands the next queued message to <paramref name="writer"/>; false when none is queued.</summary>
    bool TryReadTo(IRtmpPlayWriter writer);
}
