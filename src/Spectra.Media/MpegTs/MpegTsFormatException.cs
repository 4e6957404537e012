namespace Spectra.Media.MpegTs;

/// <summary>The transport stream cannot be ingested (no supported stream, a codec Spectra does not take).</summary>
public sealed class MpegTsFormatException : Exception
{
    public MpegTsFormatException()
    {
    }

    public MpegTsFormatException(string message)
        : base(message)
    {
    }

    public MpegTsFormatException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
