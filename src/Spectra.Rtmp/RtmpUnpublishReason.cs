namespace Spectra.Rtmp;

/// <summary>Why a published stream ended.</summary>
public enum RtmpUnpublishReason
{
    /// <summary>The client said so: <c>FCUnpublish</c>, <c>closeStream</c> or <c>deleteStream</c>.</summary>
    Unpublished,

    /// <summary>The connection closed (by the peer, or the server shut down) without an unpublish command.</summary>
    ConnectionClosed,

    /// <summary>The publisher sent nothing for <see cref="RtmpOptions.IdleTimeout"/>.</summary>
    Timeout,

    /// <summary>The publisher violated the protocol (malformed chunk, AMF, limits); the connection was closed.</summary>
    ProtocolError,
}
