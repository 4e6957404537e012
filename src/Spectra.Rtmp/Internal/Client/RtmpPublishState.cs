namespace Spectra.Rtmp.Internal.Client;

/// <summary>Where a publishing client is in the command exchange (RTMP 1.0 §7.2).</summary>
internal enum RtmpPublishState
{
    /// <summary>connect sent, waiting for its _result.</summary>
    Connecting,

    /// <summary>releaseStream, FCPublish and createStream sent, waiting for createStream's _result.</summary>
    CreatingStream,

    /// <summary>publish sent, waiting for onStatus NetStream.Publish.Start.</summary>
    StartingPublish,

    /// <summary>The server accepted the publish: media may flow.</summary>
    Publishing,
}
