namespace Spectra.Media.Hls;

/// <summary>What the origin serves for one live channel: its renditions, in master playlist order.</summary>
internal sealed class HlsStream
{
    private readonly Dictionary<string, HlsRendition> _byName;
    private MasterCache? _master;

    public HlsStream(string channelName, IReadOnlyList<HlsRendition> renditions)
    {
        ArgumentNullException.ThrowIfNull(channelName);
        ArgumentNullException.ThrowIfNull(renditions);
        if (!HlsNames.IsValid(channelName))
        {
            throw new ArgumentException($"Channel name '{channelName}' must be 1–64 characters of [A-Za-z0-9_-].", nameof(channelName));
        }

        if (renditions.Count == 0)
        {
            throw new ArgumentException("A stream has at least one rendition.", nameof(renditions));
        }

        _byName = new Dictionary<string, HlsRendition>(renditions.Count, StringComparer.Ordinal);
        foreach (var rendition in renditions)
        {
            ArgumentNullException.ThrowIfNull(rendition, nameof(renditions));
            if (!_byName.TryAdd(rendition.Name, rendition))
            {
                throw new ArgumentException($"Rendition name '{rendition.Name}' appears twice.", nameof(renditions));
            }
        }

        ChannelName = channelName;
        Renditions = [.. renditions];
        foreach (var rendition in renditions)
        {
            var others = new List<HlsRendition>(renditions.Count - 1);
            foreach (var other in renditions)
            {
                if (!ReferenceEquals(other, rendition))
                {
                    others.Add(other);
                }
            }

            rendition.Others = [.. others];
        }
    }

    public string ChannelName { get; }

    public IReadOnlyList<HlsRendition> Renditions { get; }

    /// <summary>
    /// Every rendition has an init segment (CODECS) and a segment (its media playlist answers): only then
    /// is the master playlist served.
    /// </summary>
    public bool IsReady
    {
        get
        {
            foreach (var rendition in Renditions)
            {
                var snapshot = rendition.Window.Snapshot;
                if (snapshot.CurrentInit is null || snapshot.SegmentArray.Length == 0)
                {
                    return false;
                }
            }

            return true;
        }
    }

    public bool TryGetRendition(string name, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out HlsRendition? rendition) =>
        _byName.TryGetValue(name, out rendition);

    /// <summary>The master playlist as UTF-8; re-rendered only when an init segment (codecs) changes.</summary>
    internal byte[] GetMasterPlaylist()
    {
        var renditions = Renditions;
        var cached = Volatile.Read(ref _master);
        if (cached is not null && cached.Matches(renditions))
        {
            return cached.Utf8;
        }

        var inits = new object?[renditions.Count];
        for (var i = 0; i < inits.Length; i++)
        {
            inits[i] = renditions[i].Window.CurrentInit;
        }

        var rendered = new MasterCache(inits, HlsPlaylistWriter.WriteMasterPlaylistUtf8(this));
        Volatile.Write(ref _master, rendered);
        return rendered.Utf8;
    }

    private sealed class MasterCache(object?[] inits, byte[] utf8)
    {
        public byte[] Utf8 { get; } = utf8;

        public bool Matches(IReadOnlyList<HlsRendition> renditions)
        {
            for (var i = 0; i < inits.Length; i++)
            {
                if (!ReferenceEquals(inits[i], renditions[i].Window.CurrentInit))
                {
                    return false;
                }
            }

            return true;
        }
    }
}
