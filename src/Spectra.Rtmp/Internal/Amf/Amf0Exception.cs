namespace Spectra.Rtmp.Internal.Amf;

/// <summary>Malformed or over-limit AMF0 data. <see cref="Offset"/> is the byte offset within the decoded buffer.</summary>
internal sealed class Amf0Exception : FormatException
{
    public Amf0Exception(string message, int offset)
        : base($"{message} (AMF0 offset {offset})")
    {
        Offset = offset;
    }

    public int Offset { get; }
}
