using Spectra.Media.Packaging;

namespace Spectra.Media.Hls;

/// <summary>One rendition the origin serves: its ladder entry and its live window.</summary>
internal sealed class HlsRendition
{
    private PlaylistCache? _playlist;

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

    /// <summary>The media playlist of <paramref name="snapshot"/> as UTF-8, rendered once per snapshot.</summary>
    internal PlaylistCache GetMediaPlaylist(LiveWindowSnapshot snapshot)
    {
        var cached = Volatile.Read(ref _playlist);
        if (cached is not null && ReferenceEquals(cached.Snapshot, snapshot))
        {
            return cached;
        }

        var rendered = new PlaylistCache(snapshot, HlsPlaylistWriter.WriteMediaPlaylistUtf8(snapshot));
        Volatile.Write(ref _playlist, rendered);
        return rendered;
    }

    internal sealed class PlaylistCache(LiveWindowSnapshot snapshot, byte[] utf8)
    {
        public LiveWindowSnapshot Snapshot { get; } = snapshot;

        public byte[] Utf8 { get; } = utf8;

        /// <summary>"p{latest sequence}", with an "e" once the stream ended (the playlist gained EXT-X-ENDLIST).</summary>
        public string ETag { get; } = "\"p" + (snapshot.Latest?.Sequence ?? -1).ToString(System.Globalization.CultureInfo.InvariantCulture) + (snapshot.Ended ? "e\"" : "\"");

        public string CacheControl { get; } = HlsCachePolicy.ForPlaylist(HlsPlaylistWriter.TargetDurationSeconds(snapshot));
    }
}
