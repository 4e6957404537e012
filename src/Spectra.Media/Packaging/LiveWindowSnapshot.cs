namespace Spectra.Media.Packaging;

/// <summary>
/// An immutable view of a <see cref="LiveWindow"/>: readers take one with a single volatile read and
/// never lock. A new snapshot replaces the old one on every change.
/// </summary>
internal sealed class LiveWindowSnapshot
{
    internal static readonly LiveWindowSnapshot Empty = new([], 0, 0, null, TimeSpan.Zero, 0);

    internal LiveWindowSnapshot(
        CmafSegment[] segments,
        long nextSequence,
        long discontinuitySequence,
        CmafInitSegment? currentInit,
        TimeSpan maxSegmentDuration,
        long version,
        bool ended = false,
        CmafPart[]? openParts = null,
        TimeSpan maxPartDuration = default)
    {
        OpenPartArray = openParts ?? [];
        MaxPartDuration = maxPartDuration;
        SegmentArray = segments;
        NextSequence = nextSequence;
        DiscontinuitySequence = discontinuitySequence;
        CurrentInit = currentInit;
        MaxSegmentDuration = maxSegmentDuration;
        Version = version;
        Ended = ended;
    }

    /// <summary>Segments oldest first; sequence numbers are contiguous.</summary>
    public IReadOnlyList<CmafSegment> Segments => SegmentArray;

    /// <summary>Sequence number of the oldest segment (EXT-X-MEDIA-SEQUENCE), or of the next one when empty.</summary>
    public long MediaSequence => SegmentArray.Length > 0 ? SegmentArray[0].Sequence : NextSequence;

    /// <summary>Sequence number the next segment will get.</summary>
    public long NextSequence { get; }

    /// <summary>Discontinuities that have left the window (EXT-X-DISCONTINUITY-SEQUENCE, RFC 8216 §4.3.3.3).</summary>
    public long DiscontinuitySequence { get; }

    /// <summary>Init segment of the current generation, null before the first 'moov'.</summary>
    public CmafInitSegment? CurrentInit { get; }

    /// <summary>Longest segment ever added to the window; only grows, so EXT-X-TARGETDURATION never shrinks.</summary>
    public TimeSpan MaxSegmentDuration { get; }

    /// <summary>Increases on every change.</summary>
    public long Version { get; }

    /// <summary>The stream has ended: no segment follows these (media playlists carry EXT-X-ENDLIST, RFC 8216 §4.3.3.4).</summary>
    public bool Ended { get; }

    /// <summary>
    /// Parts of the open segment (sequence <see cref="NextSequence"/>), oldest first; empty right after a
    /// segment is cut until the next fragment arrives.
    /// </summary>
    public IReadOnlyList<CmafPart> OpenParts => OpenPartArray;

    /// <summary>Longest part ever published; only grows (EXT-X-PART-INF PART-TARGET is at least this).</summary>
    public TimeSpan MaxPartDuration { get; }

    /// <summary>
    /// The newest part: the last open part, else the last part of the latest segment; null when empty.
    /// </summary>
    public CmafPart? LatestPart => OpenPartArray.Length > 0
        ? OpenPartArray[^1]
        : SegmentArray.Length > 0 && SegmentArray[^1].PartArray.Length > 0 ? SegmentArray[^1].PartArray[^1] : null;

    internal CmafPart[] OpenPartArray { get; }

    public CmafSegment? Latest => SegmentArray.Length > 0 ? SegmentArray[^1] : null;

    internal CmafSegment[] SegmentArray { get; }

    /// <summary>Finds a segment by sequence number in O(1).</summary>
    public CmafSegment? Find(long sequence)
    {
        var segments = SegmentArray;
        if (segments.Length == 0)
        {
            return null;
        }

        var index = sequence - segments[0].Sequence;
        return index >= 0 && index < segments.Length ? segments[index] : null;
    }

    /// <summary>
    /// Finds part <paramref name="index"/> of segment <paramref name="sequence"/>, complete or open.
    /// </summary>
    public CmafPart? FindPart(long sequence, int index)
    {
        if (index < 0)
        {
            return null;
        }

        if (sequence == NextSequence)
        {
            return index < OpenPartArray.Length ? OpenPartArray[index] : null;
        }

        var parts = Find(sequence)?.PartArray;
        return parts is not null && index < parts.Length ? parts[index] : null;
    }

    /// <summary>
    /// True when the playlist of this snapshot satisfies a blocking reload for segment
    /// <paramref name="sequence"/> (and, when ≥ 0, its part <paramref name="part"/>): RFC 8216bis §6.2.5.2,
    /// the playlist contains that segment or a later one, or that part or a later part of that segment.
    /// </summary>
    public bool Satisfies(long sequence, int part)
    {
        var latest = Latest;
        if (part < 0)
        {
            return latest is not null && latest.Sequence >= sequence;
        }

        if (latest is not null && latest.Sequence > sequence)
        {
            return true;
        }

        if (latest is not null && latest.Sequence == sequence && part < latest.PartArray.Length)
        {
            return true;
        }

        // A part of the requested open segment, or any part of a later segment (the requested one
        // completed with fewer parts than asked for).
        return OpenPartArray.Length > 0 && (NextSequence > sequence || (NextSequence == sequence && part < OpenPartArray.Length));
    }

    /// <summary>Finds an init segment still referenced by the window, by key.</summary>
    public CmafInitSegment? FindInit(ReadOnlySpan<char> key)
    {
        if (CurrentInit is not null && key.SequenceEqual(CurrentInit.Key))
        {
            return CurrentInit;
        }

        CmafInitSegment? previous = null;
        foreach (var segment in SegmentArray)
        {
            if (!ReferenceEquals(segment.Init, previous))
            {
                previous = segment.Init;
                if (key.SequenceEqual(previous.Key))
                {
                    return previous;
                }
            }
        }

        return null;
    }
}
