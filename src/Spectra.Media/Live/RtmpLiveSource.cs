using Spectra.Media.Flv;
using Spectra.Rtmp;

namespace Spectra.Media.Live;

/// <summary>
/// The RTMP publisher of a <see cref="LiveStream"/>: the one adapter between an RTMP session and the media
/// plane. The control plane accepts a publish (stream key, limits) and returns this as the session's sink;
/// from then on the session's metadata and media messages (FLV tag bodies) go straight into the stream.
/// </summary>
public sealed class RtmpLiveSource : ILiveSource, IRtmpMediaSink
{
    private readonly LiveStream _stream;
    private int _ended;

    /// <summary>Attaches a new publisher to <paramref name="stream"/>; when it follows another one, its timestamps are rebased.</summary>
    public RtmpLiveSource(LiveStream stream, string connectionId)
    {
        _stream = stream ?? throw new ArgumentNullException(nameof(stream));
        ConnectionId = connectionId ?? throw new ArgumentNullException(nameof(connectionId));
        stream.Attach(this);
    }

    public string ConnectionId { get; }

    public event Action<ILiveSource, LiveSourceEndReason>? Ended;

    public void OnMetadata(IReadOnlyDictionary<string, object?> metadata) => _stream.OnMetadata(metadata);

    public void OnMediaMessage(RtmpMediaType type, uint timestampMs, ReadOnlySpan<byte> payload) =>
        _stream.OnMediaTag(type == RtmpMediaType.Video ? FlvTagType.Video : FlvTagType.Audio, timestampMs, payload);

    public ValueTask OnUnpublishAsync(RtmpUnpublishReason reason)
    {
        if (Interlocked.Exchange(ref _ended, 1) == 0)
        {
            _stream.Detach(this);
            Ended?.Invoke(this, reason switch
            {
                RtmpUnpublishReason.Unpublished => LiveSourceEndReason.Unpublished,
                RtmpUnpublishReason.Timeout => LiveSourceEndReason.Timeout,
                RtmpUnpublishReason.ProtocolError => LiveSourceEndReason.ProtocolError,
                _ => LiveSourceEndReason.ConnectionClosed,
            });
        }

        return ValueTask.CompletedTask;
    }
}
