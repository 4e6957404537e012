using Spectra.Rtmp;

namespace Spectra.Server.Live;

/// <summary>The media pipeline of one live channel (transcoder, packagers, thumbnails, origin entry).</summary>
internal interface ILiveIngestStream
{
    /// <summary>Stream metadata (<c>onMetaData</c>). Must not block.</summary>
    void OnMetadata(IReadOnlyDictionary<string, object?> metadata);

    /// <summary>One FLV audio or video tag body; timestamps in ms. Copies what it keeps; must not block.</summary>
    void OnMediaMessage(RtmpMediaType type, uint timestampMs, ReadOnlySpan<byte> payload);

    /// <summary>
    /// A new publisher continues this stream after a disconnect: its timestamps restart and new sequence
    /// headers follow. The playlist continues after a discontinuity.
    /// </summary>
    void OnPublisherReconnected();

    /// <summary>The latest health sample, null before the first one.</summary>
    StreamHealth? CurrentHealth { get; }

    /// <summary>Stops the transcoder and removes the stream from the origin. Idempotent.</summary>
    Task StopAsync();
}
