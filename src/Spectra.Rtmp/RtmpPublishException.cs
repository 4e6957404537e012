namespace Spectra.Rtmp;

/// <summary>A publish to another RTMP server failed: refused, closed by the server, or the connection broke.</summary>
public sealed class RtmpPublishException : Exception
{
    public RtmpPublishException()
    {
    }

    public RtmpPublishException(string message)
        : base(message)
    {
    }

    public RtmpPublishException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <param name="message">What happened, without secrets.</param>
    /// <param name="isRefusal">The server answered and said no (connect or publish refused), as opposed to a broken connection.</param>
    public RtmpPublishException(string message, bool isRefusal)
        : base(message)
    {
        IsRefusal = isRefusal;
    }

    /// <summary>The server refused connect, createStream or publish (a wrong key, usually); retrying soon will not help.</summary>
    public bool IsRefusal { get; }
}
