namespace Spectra.Rtmp.Internal.Amf;

/// <summary>The AMF0 undefined value (§2.8) for writing; <see cref="Amf0Reader"/> reads undefined as null.</summary>
internal sealed class Amf0Undefined
{
    public static readonly Amf0Undefined Value = new();

    private Amf0Undefined()
    {
    }
}
