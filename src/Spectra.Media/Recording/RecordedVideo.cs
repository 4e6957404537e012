namespace Spectra.Media.Recording;

/// <summary>A recording as stored: its renditions with the segments their journals list.</summary>
public sealed record RecordedVideo(Guid Id, DateTimeOffset StartedAt, IReadOnlyList<RecordedRendition> Renditions)
{
    /// <summary>The longest rendition's duration.</summary>
    public TimeSpan Duration { get; } = Renditions.Count == 0 ? TimeSpan.Zero : Renditions.Max(r => r.Duration);

    /// <summary>Segment bytes of every rendition.</summary>
    public long Bytes { get; } = Renditions.Sum(r => r.Bytes);

    /// <summary>True when at least one rendition has a stored segment.</summary>
    public bool IsPlayable => Renditions.Any(r => r.Segments.Count > 0);

    public RecordedRendition? FindRendition(string name) => Renditions.FirstOrDefault(r => string.Equals(r.Name, name, StringComparison.Ordinal));
}
