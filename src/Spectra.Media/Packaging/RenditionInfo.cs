namespace Spectra.Media.Packaging;

/// <summary>One rendition of the ladder as the master playlist describes it.</summary>
/// <param name="Name">URL-safe name, unique within a stream (e.g. "720p", "source").</param>
/// <param name="Width">Pixels; 0 for an audio-only rendition.</param>
/// <param name="Height">Pixels; 0 for an audio-only rendition.</param>
/// <param name="FrameRate">Frames per second; 0 for an audio-only rendition.</param>
/// <param name="BandwidthBitsPerSecond">Peak bit rate (RFC 8216 §4.3.4.2 BANDWIDTH), video plus audio.</param>
/// <param name="AverageBandwidthBitsPerSecond">Average bit rate (AVERAGE-BANDWIDTH).</param>
/// <param name="IsSource">True for the passthrough of the publisher's own encoding.</param>
internal sealed record RenditionInfo(
    string Name,
    int Width,
    int Height,
    double FrameRate,
    int BandwidthBitsPerSecond,
    int AverageBandwidthBitsPerSecond,
    bool IsSource);
