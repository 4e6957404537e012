namespace Spectra.Rtmp;

/// <summary>
/// Receives one accepted live stream. All calls of one sink come from one connection, one at a time,
/// in arrival order; <see cref="OnUnpublishAsync"/> is called exactly once and last.
/// </summary>
public interface IRtmpMediaSink
{
    /// <summary>Stream metadata from <c>@setDataFrame</c>/<c>onMetaData</c> (or a plain <c>onMetaData</c>):
    /// numbers as <see cref="double"/>, booleans, strings, nested dictionaries, arrays as <c>object?[]</c>, dates as UTC <see cref="DateTime"/>.</summary>
    void OnMetadata(IReadOnlyDictionary<string, object?> metadata);

    /// <summary>
    /// One complete audio (8) or video (9) message: the payload is exactly an FLV AUDIODATA/VIDEODATA tag body.
    /// Timestamps in ms, already made absolute from chunk deltas (32-bit, wraps per spec).
    /// The span is only valid during the call.
    /// </summary>
    void OnMediaMessage(RtmpMediaType type, uint timestampMs, ReadOnlySpan<byte> payload);

    /// <summary>The stream ended; no more calls follow.</summary>
    ValueTask OnUnpublishAsync(RtmpUnpublishReason reason);
}
