namespace Spectra.Media.Recording.Internal;

/// <summary>One rendition in recording.json.</summary>
internal sealed class RecordingManifestRendition
{
    public string Name { get; set; } = "";

    public int Width { get; set; }

    public int Height { get; set; }

    public double FrameRate { get; set; }

    public int Bandwidth { get; set; }

    public int AverageBandwidth { get; set; }

    /// <summary>Codecs of each stored init segment, by init key.</summary>
    public Dictionary<string, string?> Inits { get; set; } = [];
}
