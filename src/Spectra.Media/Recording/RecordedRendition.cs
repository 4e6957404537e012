namespace Spectra.Media.Recording;

/// <summary>One rendition of a recording: what the VOD master playlist says of it, and its stored segments.</summary>
/// <param name="Name">The ladder's rendition name ("source", "720p").</param>
/// <param name="Width">Pixels; 0 when audio-only.</param>
/// <param name="Height">Pixels; 0 when audio-only.</param>
/// <param name="FrameRate">Frames per second; 0 when audio-only.</param>
/// <param name="Bandwidth">Peak bits per second.</param>
/// <param name="AverageBandwidth">Average bits per second.</param>
/// <param name="Codecs">RFC 6381 codecs of the first init segment, or null when no init was stored.</param>
/// <param name="Segments">In order; empty when nothing of this rendition reached storage.</param>
public sealed record RecordedRendition(
    string Name,
    int Width,
    int Height,
    double FrameRate,
    int Bandwidth,
    int AverageBandwidth,
    string? Codecs,
    IReadOnlyList<RecordedSegment> Segments)
{
    public TimeSpan Duration { get; } = TimeSpan.FromSeconds(Segments.Sum(s => s.DurationSeconds));

    public long Bytes { get; } = Segments.Sum(s => s.Length);

    /// <summary>Measured peak bits per second (the largest segment's rate), or the live estimate when nothing was stored.</summary>
    public int MeasuredBandwidth { get; } = Segments.Count == 0
        ? Bandwidth
        : (int)Math.Min(int.MaxValue, Segments.Max(s => s.DurationSeconds > 0.1 ? s.Length * 8 / s.DurationSeconds : 0));

    /// <summary>Measured average bits per second over the whole rendition, or the live estimate when nothing was stored.</summary>
    public int MeasuredAverageBandwidth { get; } = Segments.Count == 0 || Segments.Sum(s => s.DurationSeconds) <= 0
        ? AverageBandwidth
        : (int)Math.Min(int.MaxValue, Segments.Sum(s => s.Length) * 8 / Segments.Sum(s => s.DurationSeconds));
}
