namespace Spectra.Media.Mp4;

/// <summary>One sample of a track run.</summary>
/// <param name="Duration">In the track's media timescale.</param>
/// <param name="Size">Bytes in the 'mdat'.</param>
/// <param name="IsSync">A sync sample (IDR picture; every AAC frame).</param>
/// <param name="CompositionOffset">Presentation minus decode time, in the media timescale (may be negative).</param>
internal readonly record struct Fmp4Sample(uint Duration, int Size, bool IsSync, int CompositionOffset);
