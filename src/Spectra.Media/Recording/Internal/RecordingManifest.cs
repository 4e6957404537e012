namespace Spectra.Media.Recording.Internal;

/// <summary>recording.json: the renditions of a recording; rewritten when one gets a new init segment.</summary>
internal sealed class RecordingManifest
{
    public int Version { get; set; } = 1;

    public DateTimeOffset StartedAt { get; set; }

    public List<RecordingManifestRendition> Renditions { get; set; } = [];
}
