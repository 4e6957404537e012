namespace Spectra.Media.Transcoding;

/// <summary>One output of the transcoder.</summary>
/// <param name="IsPassthrough">The source stream copied unchanged (-c copy); bitrates are estimates then.</param>
/// <param name="AudioBitrateKbps">0 when the rendition has no audio or copies it.</param>
internal sealed record PlannedRendition(
    string Name,
    int Width,
    int Height,
    int VideoBitrateKbps,
    int MaxRateKbps,
    int BufferSizeKbps,
    int AudioBitrateKbps,
    bool IsPassthrough);
