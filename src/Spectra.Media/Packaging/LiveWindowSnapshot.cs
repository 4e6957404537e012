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
        bool ended = false)
    {
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
