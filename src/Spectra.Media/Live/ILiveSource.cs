namespace Spectra.Media.Live;

/// <summary>
/// A publisher feeding a <see cref="LiveStream"/>: it hands the stream its metadata and media packets
/// (FLV audio and video tag bodies) inside the media plane. <see cref="RtmpLiveSource"/> is the RTMP
/// one, <see cref="SrtLiveSource"/> the SRT one (MPEG-TS demuxed to FLV tags); WebRTC ingest (WHIP) is the next. One source publishes to a stream at a time; a source that
/// takes over from a previous one (a reconnect) continues the stream's timeline.
/// </summary>
public interface ILiveSource
{
    /// <summary>The publisher's connection id, as logs name it.</summary>
    string ConnectionId { get; }

    /// <summary>Raised once, on the publisher's thread, when it has gone; no media follows.</summary>
    event Action<ILiveSource, LiveSourceEndReason>? Ended;
}
