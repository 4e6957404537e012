namespace Spectra.Rtmp.Internal;

/// <summary>
/// A peer whose <c>publish</c> has not been accepted sent more than such a peer may: a message above
/// <see cref="RtmpOptions.PrePublishMaxMessageSize"/>, too many buffered bytes, or audio or video. The connection is closed.
/// </summary>
internal sealed class RtmpPrePublishLimitException : RtmpProtocolException
{
    public RtmpPrePublishLimitException(string message)
        : base(message)
    {
    }
}
