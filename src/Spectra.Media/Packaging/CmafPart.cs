using System.Globalization;

namespace Spectra.Media.Packaging;

/// <summary>
/// One LL-HLS partial segment (RFC 8216bis §4.4.4.9, EXT-X-PART): one CMAF fragment (moof+mdat)
/// of the segment <see cref="Sequence"/>, served at "{sequence}.{index}.m4s". Immutable once
/// published: the bytes of part <c>i</c> of a segment are the same whether served while the segment
/// is open or, once it is complete, as a slice of <see cref="CmafSegment.Data"/>.
/// </summary>
internal sealed class CmafPart
{
    internal CmafPart(long sequence, int index, ReadOnlyMemory<byte> data, TimeSpan duration, bool isIndependent)
    {
        Sequence = sequence;
        Index = index;
        Data = data;
        Duration = duration;
        IsIndependent = isIndependent;
        ETag = string.Create(CultureInfo.InvariantCulture, $"\"s{sequence}.{index}\"");
    }

    /// <summary>Media sequence number of the parent segment.</summary>
    public long Sequence { get; }

    /// <summary>Part index within the parent segment, from 0 (the _HLS_part of §6.2.5.2).</summary>
    public int Index { get; }

    public ReadOnlyMemory<byte> Data { get; }

    /// <summary>Reference track media duration (EXT-X-PART DURATION).</summary>
    public TimeSpan Duration { get; }

    /// <summary>Starts with a sync sample of the reference track (EXT-X-PART INDEPENDENT=YES).</summary>
    public bool IsIndependent { get; }

    /// <summary>Strong entity tag, quoted.</summary>
    public string ETag { get; }
}
