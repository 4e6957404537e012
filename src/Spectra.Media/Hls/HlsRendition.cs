using Spectra.Media.Packaging;

namespace Spectra.Media.Hls;

/// <summary>One rendition the origin serves: its ladder entry and its live window.</summary>
internal sealed class HlsRendition
{
    private PlaylistCache? _playlist;
    private PlaylistCache? _deltaPlaylist;

    public HlsRendition(RenditionInfo info, LiveWindow window)
    {
        ArgumentNullException.ThrowIfNull(info);
        ArgumentNullException.ThrowIfNull(window);
        if (!HlsNames.IsValid(info.Name))
        {
            throw new ArgumentException($"Rendition name '{info.Name}' must be 1–64 characters of [A-Za-z0-9_-].", nameof(info));
        }

        Info = info;
        Window = window;
    }

    public RenditionInfo Info { get; }

    public LiveWindow Window { get; }

    public string Name => Info.Name;

    /// <summary>RFC 6381 codecs from the current init segment, or null before the first one.</summary>
    public string? Codecs => Window.CurrentInit?.Codecs;

    public void Deconstruct(out RenditionInfo info, out LiveWindow window)
    {
        info = Info;
        window = Window;
    }

    /// <summary>The other renditions of the stream (EXT-X-RENDITION-REPORT); set by <see cref="HlsStream"/>.</summary>
    internal HlsRendition[] Others { get; set; } = [];

    /// <summary>
    /// The media playlist of <paramref name="snapshot"/> as UTF-8, rendered once per snapshot (and once
    /// more for its delta update). Rendition reports are those of the other renditions when rendered: a
    /// report at most one part behind is harmless, a client only uses it as a starting point.
    /// </summary>
    internal PlaylistCache GetMediaPlaylist(LiveWindowSnapshot snapshot, TimeSpan partTarget = default, bool skip = false)
    {
        ref var slot = ref skip ? ref _deltaPlaylist : ref _playlist;
        var cached = Volatile.Read(ref slot);
        if (cached is not null && ReferenceEquals(cached.Snapshot, snapshot) && cached.PartTarget == partTarget)
        {
            return cached;
        }

        var others = Others;
        var reports = new HlsRenditionReport[others.Length];
        for (var i = 0; i < others.Length; i++)
        {
            reports[i] = new HlsRenditionReport(others[i].Name, others[i].Window.Snapshot);
        }

        var rendered = new PlaylistCache(snapshot, partTarget, skip, HlsPlaylistWriter.WriteMediaPlaylistUtf8(snapshot, partTarget, reports, skip));
        Volatile.Write(ref slot, rendered);
        return rendered;
    }

    internal sealed class PlaylistCache(LiveWindowSnapshot snapshot, TimeSpan partTarget, bool skip, byte[] utf8)
    {
        public LiveWindowSnapshot Snapshot { get; } = snapshot;

        public TimeSpan PartTarget { get; } = partTarget;

        public byte[] Utf8 { get; } = utf8;

        /// <summary>
        /// "p{latest sequence}.{open parts}", "d" for a delta update, "e" once the stream ended (the playlist
        /// gained EXT-X-ENDLIST): changes whenever a segment or part is published.
        /// </summary>
        public string ETag { get; } = string.Create(
            System.Globalization.CultureInfo.InvariantCulture,
            $"\"p{snapshot.Latest?.Sequence ?? -1}.{snapshot.OpenPartArray.Length}{(skip ? "d" : string.Empty)}{(snapshot.Ended ? "e" : string.Empty)}\"");

        public string CacheControl { get; } = HlsCachePolicy.ForPlaylist(HlsPlaylistWriter.TargetDurationSeconds(snapshot));
    }
}
