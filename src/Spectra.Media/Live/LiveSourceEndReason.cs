namespace Spectra.Media.Live;

/// <summary>Why an <see cref="ILiveSource"/> stopped publishing.</summary>
public enum LiveSourceEndReason
{
    /// <summary>The publisher said so (RTMP: <c>FCUnpublish</c>, <c>closeStream</c> or <c>deleteStream</c>).</summary>
    Unpublished,

    /// <summary>The connection closed (by the peer, or the server shut down) without saying so.</summary>
    ConnectionClosed,

    /// <summary>The publisher sent nothing for the protocol's idle timeout.</summary>
    Timeout,

    /// <summary>The publisher violated its protocol; the connection was closed.</summary>
    ProtocolError,
}
