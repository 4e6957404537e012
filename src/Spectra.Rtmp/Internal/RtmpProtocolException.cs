namespace Spectra.Rtmp.Internal;

/// <summary>The peer violated the RTMP protocol or a configured limit; the connection is closed.</summary>
internal class RtmpProtocolException : Exception
{
    public RtmpProtocolException(string message)
        : base(message)
    {
    }
}
