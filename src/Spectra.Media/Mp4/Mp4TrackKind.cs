namespace Spectra.Media.Mp4;

/// <summary>Track media type from the 'hdlr' handler_type (ISO/IEC 14496-12 §8.4.3).</summary>
internal enum Mp4TrackKind
{
    Other = 0,
    Video = 1,
    Audio = 2,
}
