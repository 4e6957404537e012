namespace Spectra.Media.Live.Internal;

/// <summary>The ingest's state as a health sample reports it.</summary>
/// <param name="VideoCodec">RFC 6381 codecs string or short name; null when no video arrived.</param>
/// <param name="AudioCodec">Null when no audio arrived.</param>
/// <param name="Width">Source picture width in pixels; 0 when unknown.</param>
/// <param name="Height">Source picture height in pixels; 0 when unknown.</param>
/// <param name="KeyframeIntervalSeconds">Between the last two keyframes; null before the second.</param>
/// <param name="Warnings">What the ingest alone tells: keyframe interval, codecs, missing tracks.</param>
internal sealed record IngestSnapshot(
    string? VideoCodec,
    string? AudioCodec,
    int Width,
    int Height,
    double? KeyframeIntervalSeconds,
    IngestWarnings Warnings);
