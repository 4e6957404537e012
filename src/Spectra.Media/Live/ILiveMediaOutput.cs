using Spectra.Media.Flv;

namespace Spectra.Media.Live;

/// <summary>
/// An output of a <see cref="LiveStream"/>: the FLV fan-out (HTTP-FLV, WebSocket-FLV, RTMP play), the
/// rendition set (HLS packagers), a recorder next. It subscribes with <see cref="LiveStream.Subscribe"/>
/// and from then on receives the stream's media: the metadata, and every tag the ingest accepted (it
/// parses, its timestamp does not go backwards within its track) on the stream's timeline.
/// </summary>
/// <remarks>
/// Calls come from one thread at a time (the publisher's), in order, and must not block: an output
/// copies what it keeps and queues it for its own consumers.
/// </remarks>
public interface ILiveMediaOutput
{
    /// <summary>The publisher's onMetaData (AMF0 values: double, string, bool, null, nested dictionaries).</summary>
    void OnMetadata(IReadOnlyDictionary<string, object?> metadata);

    /// <summary>One audio (8) or video (9) tag body exactly as in FLV, with its timestamp in ms; valid only during the call.</summary>
    void OnMediaTag(FlvTagType type, uint timestampMs, ReadOnlySpan<byte> tagBody);

    /// <summary>The stream has stopped: no media follows.</summary>
    void Complete();
}
