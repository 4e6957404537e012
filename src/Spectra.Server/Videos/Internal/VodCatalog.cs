using System.Text;
using Microsoft.Extensions.Caching.Memory;
using Spectra.Media.Recording;
using Spectra.Storage;

namespace Spectra.Server.Videos.Internal;

/// <summary>
/// Closed recordings, loaded once from storage and kept in memory with their playlists already written,
/// so a playlist request costs a dictionary lookup. Bounded (<see cref="Capacity"/> videos, least
/// recently used evicted); a video that is edited or deleted is forgotten at once.
/// </summary>
internal sealed class VodCatalog : IDisposable
{
    public const int Capacity = 256;
    private readonly IObjectStore _store;
    private readonly MemoryCache _cache = new(new MemoryCacheOptions { SizeLimit = Capacity });

    public VodCatalog(IObjectStore store) => _store = store;

    /// <summary>The recording's playlists and segment index, or null when storage holds none.</summary>
    public async Task<VodEntry?> GetAsync(Guid videoId, CancellationToken cancellationToken)
    {
        if (_cache.TryGetValue(videoId, out VodEntry? entry))
        {
            return entry;
        }

        var recorded = await RecordingReader.LoadAsync(_store, videoId, cancellationToken);
        if (recorded is null)
        {
            return null;
        }

        return Remember(recorded);
    }

    /// <summary>Keeps a recording just loaded elsewhere (the video was closed), so its first viewer does not read it again.</summary>
    public VodEntry Remember(RecordedVideo video)
    {
        ArgumentNullException.ThrowIfNull(video);
        return _cache.Set(video.Id, new VodEntry(video), new MemoryCacheEntryOptions { Size = 1, SlidingExpiration = TimeSpan.FromHours(1) });
    }

    public void Forget(Guid videoId) => _cache.Remove(videoId);

    public void Dispose() => _cache.Dispose();
}
