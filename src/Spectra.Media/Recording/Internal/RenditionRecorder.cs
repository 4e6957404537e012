using Spectra.Media.Packaging;

namespace Spectra.Media.Recording.Internal;

/// <summary>A recorder's state for one rendition. Queue fields under the recorder's lock; the rest is the writer's alone.</summary>
internal sealed class RenditionRecorder(RenditionInfo info, LiveWindow window, RecordingManifestRendition manifest)
{
    public RenditionInfo Info { get; } = info;

    public LiveWindow Window { get; } = window;

    /// <summary>Its entry in recording.json (under the recorder's lock).</summary>
    public RecordingManifestRendition Manifest { get; } = manifest;

    public Action<LiveWindow, CmafSegment>? Handler { get; set; }

    /// <summary>Highest sequence queued (queue side).</summary>
    public long LastQueued { get; set; } = -1;

    /// <summary>A segment was dropped since the last one queued (queue side).</summary>
    public bool DroppedSinceQueued { get; set; }

    /// <summary>A segment was lost since the last one stored: the next stored one is a discontinuity.</summary>
    public bool GapPending { get; set; }

    public HashSet<string> StoredInits { get; } = new(StringComparer.Ordinal);

    public string? LastInitKey { get; set; }

    public long StoredCount { get; set; }

    /// <summary>The open journal chunk's entries and its number.</summary>
    public List<RecordedSegment> Chunk { get; } = [];

    public int ChunkIndex { get; set; }
}
