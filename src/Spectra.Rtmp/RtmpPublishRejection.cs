namespace Spectra.Rtmp;

/// <summary>Why a <c>publish</c> was refused. Both are reported to the client as <c>NetStream.Publish.BadName</c>.</summary>
public enum RtmpPublishRejection
{
    /// <summary>The stream key is unknown (or the app is not served).</summary>
    BadName,

    /// <summary>The channel already has a live publisher; that publisher is left untouched.</summary>
    AlreadyPublishing,

    /// <summary>The server takes no new stream now (for example it is at its limit of live streams); the description says why.</summary>
    Refused,
}
