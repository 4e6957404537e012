namespace Spectra.Media.Transcoding;

/// <summary>One encoded rung of the ladder as configured under "Transcoding:Renditions".</summary>
public sealed class LadderRendition
{
    /// <summary>Name used in HLS paths (the rendition segment of <see cref="MediaUrls"/>'s layout): letters, digits, '-' and '_'.</summary>
    public string Name { get; set; } = "";

    /// <summary>Output height in pixels (even, 144–2160); the width follows the source aspect ratio.</summary>
    public int Height { get; set; }

    /// <summary>Target video bitrate in kbit/s (-b:v).</summary>
    public int VideoBitrateKbps { get; set; }

    /// <summary>Peak video bitrate in kbit/s (-maxrate); 0 means 107 % of the target.</summary>
    public int MaxRateKbps { get; set; }

    /// <summary>VBV buffer in kbit (-bufsize); 0 means 150 % of the target.</summary>
    public int BufferSizeKbps { get; set; }

    /// <summary>AAC bitrate in kbit/s.</summary>
    public int AudioBitrateKbps { get; set; } = 128;

    public int EffectiveMaxRateKbps => MaxRateKbps > 0 ? MaxRateKbps : VideoBitrateKbps * 107 / 100;

    public int EffectiveBufferSizeKbps => BufferSizeKbps > 0 ? BufferSizeKbps : VideoBitrateKbps * 3 / 2;
}
