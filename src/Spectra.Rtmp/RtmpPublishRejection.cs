namespace Spectra.Rtmp;

/// <summary>Why a <c>publish</c> was refused. Both are reported to the client as <c>NetStream.Publish.BadName</c>.</summary>
public enum RtmpPublishRejection
{
    /// <summary>The stream key is unknown (or the app is not served).</summary>
    BadName,

    /// <summary>The channel already has a live publisher; that publisher is left untouched.</summary>
    AlreadyPublishing,
}
