using Spectra.Rtmp;

namespace Spectra.Server.Live.Internal;

/// <summary>
/// One accepted RTMP publisher: forwards its metadata and media into the channel's media pipeline (which
/// copies and queues, so the RTMP session never waits on the transcoder) and reports when it leaves.
/// </summary>
internal sealed class LiveIngestSink(LiveSessionManager manager, LiveChannelState state, ILiveIngestStream media, string connectionId)
    : IRtmpMediaSink
{
    public string ConnectionId { get; } = connectionId;

    public LiveChannelState State { get; } = state;

    public void OnMetadata(IReadOnlyDictionary<string, object?> metadata)
    {
        ArgumentNullException.ThrowIfNull(metadata);
        if (metadata.TryGetValue("encoder", out var encoder) && encoder is string text)
        {
            State.Encoder = text.Length > Data.Entities.Live.StreamSession.EncoderMaxLength
                ? text[..Data.Entities.Live.StreamSession.EncoderMaxLength]
                : text;
        }

        media.OnMetadata(metadata);
    }

    public void OnMediaMessage(RtmpMediaType type, uint timestampMs, ReadOnlySpan<byte> payload) =>
        media.OnMediaMessage(type, timestampMs, payload);

    public ValueTask OnUnpublishAsync(RtmpUnpublishReason reason)
    {
        manager.OnPublisherGone(this, reason);
        return ValueTask.CompletedTask;
    }
}
