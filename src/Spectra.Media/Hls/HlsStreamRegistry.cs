using System.Collections.Concurrent;
using System.Diagnostics.CodeAnalysis;
using System.Security.Cryptography;

namespace Spectra.Media.Hls;

/// <summary>
/// The live streams the origin serves, by channel name (case-insensitive). Singleton; all members
/// are thread-safe and lock-free for readers.
/// </summary>
internal sealed class HlsStreamRegistry
{
    private readonly ConcurrentDictionary<string, HlsStream> _streams = new(StringComparer.OrdinalIgnoreCase);
    private readonly ConcurrentDictionary<string, HlsThumbnail> _thumbnails = new(StringComparer.OrdinalIgnoreCase);
    private readonly TimeProvider _time;

    public HlsStreamRegistry()
        : this(TimeProvider.System)
    {
    }

    public HlsStreamRegistry(TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(time);
        _time = time;
    }

    /// <summary>How long <see cref="End"/> keeps an ended stream served (<see cref="HlsOriginOptions.EndedStreamLinger"/>).</summary>
    public TimeSpan EndedStreamLinger { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>Raised after a stream is published or replaced.</summary>
    public event Action<HlsStream>? Published;

    /// <summary>Publishes <paramref name="stream"/>, replacing any previous one for that channel.</summary>
    public void Publish(HlsStream stream)
    {
        ArgumentNullException.ThrowIfNull(stream);
        _streams[stream.ChannelName] = stream;
        Published?.Invoke(stream);
    }

    /// <summary>Removes the channel's stream only if it is still <paramref name="stream"/>.</summary>
    public bool Remove(string channelName, HlsStream stream)
    {
        ArgumentNullException.ThrowIfNull(channelName);
        ArgumentNullException.ThrowIfNull(stream);
        return _streams.TryRemove(new KeyValuePair<string, HlsStream>(channelName, stream));
    }

    /// <summary>
    /// The stream is over: its playlists end with EXT-X-ENDLIST at once, and it is removed after
    /// <see cref="EndedStreamLinger"/> unless a new stream of the channel replaced it meanwhile.
    /// </summary>
    public void End(string channelName, HlsStream stream)
    {
        ArgumentNullException.ThrowIfNull(channelName);
        ArgumentNullException.ThrowIfNull(stream);
        foreach (var rendition in stream.Renditions)
        {
            rendition.Window.End();
        }

        if (EndedStreamLinger <= TimeSpan.Zero)
        {
            Remove(channelName, stream);
            return;
        }

        _ = Task.Delay(EndedStreamLinger, _time).ContinueWith(_ => Remove(channelName, stream), CancellationToken.None, TaskContinuationOptions.None, TaskScheduler.Default);
    }

    public bool TryGet(string channelName, [NotNullWhen(true)] out HlsStream? stream)
    {
        ArgumentNullException.ThrowIfNull(channelName);
        return _streams.TryGetValue(channelName, out stream);
    }

    /// <summary>All published streams (a copy).</summary>
    public IReadOnlyList<HlsStream> Streams => [.. _streams.Values];

    /// <summary>Sets the channel's thumbnail, served at {prefix}/{channel}/thumbnail.jpg. The bytes are copied.</summary>
    public void SetThumbnail(string channelName, ReadOnlyMemory<byte> jpeg)
    {
        ArgumentNullException.ThrowIfNull(channelName);
        if (!HlsNames.IsValid(channelName))
        {
            throw new ArgumentException($"Channel name '{channelName}' must be 1–64 characters of [A-Za-z0-9_-].", nameof(channelName));
        }

        if (jpeg.Length < 3 || jpeg.Span[0] != 0xFF || jpeg.Span[1] != 0xD8 || jpeg.Span[2] != 0xFF)
        {
            throw new ArgumentException("Thumbnail is not a JPEG (missing SOI marker FF D8 FF).", nameof(jpeg));
        }

        var copy = jpeg.ToArray();
        var hash = SHA256.HashData(copy);
        var etag = "\"" + Convert.ToHexStringLower(hash.AsSpan(0, 12)) + "\"";
        _thumbnails[channelName] = new HlsThumbnail(copy, etag, _time.GetUtcNow());
    }

    public bool TryGetThumbnail(string channelName, [NotNullWhen(true)] out HlsThumbnail? thumbnail)
    {
        ArgumentNullException.ThrowIfNull(channelName);
        return _thumbnails.TryGetValue(channelName, out thumbnail);
    }

    public bool RemoveThumbnail(string channelName)
    {
        ArgumentNullException.ThrowIfNull(channelName);
        return _thumbnails.TryRemove(channelName, out _);
    }
}
