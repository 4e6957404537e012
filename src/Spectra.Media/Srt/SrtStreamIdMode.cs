namespace Spectra.Media.Srt;

/// <summary>The <c>m</c> key of an SRT access-control stream id (SRT Access Control guidelines, "Standard Keys").</summary>
public enum SrtStreamIdMode
{
    /// <summary><c>m=publish</c> (or no <c>m</c>, or the plain form): the caller sends media.</summary>
    Publish,

    /// <summary><c>m=request</c>: the caller wants to receive media.</summary>
    Request,

    /// <summary><c>m=bidirectional</c>.</summary>
    Bidirectional,
}
