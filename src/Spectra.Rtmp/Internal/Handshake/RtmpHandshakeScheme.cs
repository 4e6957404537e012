namespace Spectra.Rtmp.Internal.Handshake;

/// <summary>Which handshake a client used.</summary>
internal enum RtmpHandshakeScheme
{
    /// <summary>RTMP 1.0 §5.2: S2 echoes C1; used by clients whose C1 carries no valid digest (librtmp without FP9, GStreamer).</summary>
    Simple,

    /// <summary>Flash Player 9 digest handshake, digest block first: digest somewhere in bytes 12–771 (ffmpeg).</summary>
    Digest0,

    /// <summary>Flash Player 9 digest handshake, key block first: digest somewhere in bytes 776–1535.</summary>
    Digest1,
}
