using Spectra.Media.Flv;
using Spectra.Media.Live.Internal;
using Spectra.Media.MpegTs;

namespace Spectra.Media.Live;

/// <summary>
/// The SRT publisher of a <see cref="LiveStream"/>: the MPEG-TS demuxer of the connection hands it FLV tag bodies,
/// which go into the stream exactly as an RTMP publisher's do (same live state, ladder, HLS, health). Its link
/// statistics (RTT, loss, retransmissions) are part of the stream's health samples.
/// </summary>
public sealed class SrtLiveSource : ILiveSource, IMpegTsTagSink, ILiveTransportSource
{
    private readonly LiveStream _stream;
    private Func<LiveTransportStatistics?>? _statistics;
    private int _ended;

    /// <summary>Attaches a new publisher to <paramref name="stream"/>; when it follows another one, its timestamps are rebased.</summary>
    public SrtLiveSource(LiveStream stream, string connectionId)
    {
        _stream = stream ?? throw new ArgumentNullException(nameof(stream));
        ConnectionId = connectionId ?? throw new ArgumentNullException(nameof(connectionId));
        stream.Attach(this);
    }

    public string ConnectionId { get; }

    public event Action<ILiveSource, LiveSourceEndReason>? Ended;

    public void OnTag(FlvTagType type, uint timestampMs, ReadOnlySpan<byte> body) => _stream.OnMediaTag(type, timestampMs, body);

    /// <summary>Where <see cref="ReadTransportStatistics"/> reads from; set by the connection once it runs.</summary>
    internal void SetStatistics(Func<LiveTransportStatistics?> statistics) => Volatile.Write(ref _statistics, statistics);

    public LiveTransportStatistics? ReadTransportStatistics() => Volatile.Read(ref _statistics)?.Invoke();

    /// <summary>The connection has gone; raises <see cref="Ended"/> once.</summary>
    public void End(LiveSourceEndReason reason)
    {
        if (Interlocked.Exchange(ref _ended, 1) == 0)
        {
            _stream.Detach(this);
            Ended?.Invoke(this, reason);
        }
    }
}
