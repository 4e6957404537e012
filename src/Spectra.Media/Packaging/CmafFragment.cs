namespace Spectra.Media.Packaging;

/// <summary>
/// One moof+mdat pair inside a segment: the unit of a future LL-HLS part (RFC 8216bis
/// EXT-X-PART), addressable as a byte range of <see cref="CmafSegment.Data"/>.
/// </summary>
/// <param name="Offset">Byte offset of the 'moof' in the segment.</param>
/// <param name="Length">Bytes of moof + mdat.</param>
/// <param name="Duration">Media duration of the reference track in this fragment.</param>
/// <param name="IsIndependent">True when the fragment starts with a sync sample of the reference track (EXT-X-PART INDEPENDENT=YES).</param>
internal readonly record struct CmafFragment(int Offset, int Length, TimeSpan Duration, bool IsIndependent);
