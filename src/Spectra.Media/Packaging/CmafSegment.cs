using System.Globalization;

namespace Spectra.Media.Packaging;

/// <summary>
/// One CMAF segment: one or more complete moof+mdat fragments, the first starting with a sync
/// sample. Immutable once published; the byte array is never reused, so readers may hold it.
/// </summary>
internal sealed class CmafSegment
{
    internal CmafSegment(
        long sequence,
        CmafInitSegment init,
        bool isDiscontinuity,
        ulong decodeTime,
        uint timescale,
        ulong durationTicks,
        DateTimeOffset programDateTime,
        byte[] data,
        CmafFragment[] fragments)
    {
        Sequence = sequence;
        Init = init;
        IsDiscontinuity = isDiscontinuity;
        DecodeTime = decodeTime;
        Timescale = timescale;
        DurationTicks = durationTicks;
        Duration = TimeSpan.FromSeconds((double)durationTicks / timescale);
        ProgramDateTime = programDateTime;
        Data = data;
        Fragments = fragments;
        var parts = new CmafPart[fragments.Length];
        for (var i = 0; i < parts.Length; i++)
        {
            var fragment = fragments[i];
            parts[i] = new CmafPart(sequence, i, data.AsMemory(fragment.Offset, fragment.Length), fragment.Duration, fragment.IsIndependent);
        }

        PartArray = parts;
        ETag = "\"s" + sequence.ToString(CultureInfo.InvariantCulture) + "\"";
    }

    /// <summary>Media sequence number (RFC 8216 §4.3.3.2); unique in the window's lifetime.</summary>
    public long Sequence { get; }

    /// <summary>Init segment (and generation) this segment needs.</summary>
    public CmafInitSegment Init { get; }

    public int Generation => Init.Generation;

    /// <summary>True for the first segment of a generation after the first (EXT-X-DISCONTINUITY).</summary>
    public bool IsDiscontinuity { get; }

    /// <summary>Decode time of the first sample of the reference track, in <see cref="Timescale"/> ticks.</summary>
    public ulong DecodeTime { get; }

    /// <summary>Reference track (video, else audio) timescale, ticks per second.</summary>
    public uint Timescale { get; }

    /// <summary>Reference track duration in <see cref="Timescale"/> ticks.</summary>
    public ulong DurationTicks { get; }

    public TimeSpan Duration { get; }

    /// <summary>Wall clock time of the first sample (EXT-X-PROGRAM-DATE-TIME).</summary>
    public DateTimeOffset ProgramDateTime { get; }

    /// <summary>Fragments (moof+mdat) back to back.</summary>
    public ReadOnlyMemory<byte> Data { get; }

    /// <summary>The fragments of <see cref="Data"/>, in order: future LL-HLS parts.</summary>
    public IReadOnlyList<CmafFragment> Fragments { get; }

    /// <summary>The fragments as LL-HLS parts, slices of <see cref="Data"/>.</summary>
    public IReadOnlyList<CmafPart> Parts => PartArray;

    internal CmafPart[] PartArray { get; }

    /// <summary>Strong HTTP entity tag, quoted; the sequence is unique so it identifies the bytes.</summary>
    public string ETag { get; }
}
