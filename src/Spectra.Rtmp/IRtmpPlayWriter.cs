namespace Spectra.Rtmp;

/// <summary>Receives one message of an <see cref="IRtmpPlaySubscription"/>; the body is only valid during the call.</summary>
public interface IRtmpPlayWriter
{
    /// <param name="messageTypeId">8 (audio), 9 (video) or 18 (AMF0 data: onMetaData), RTMP 1.0 §7.1.</param>
    /// <param name="timestampMs">Timestamp of the message for the player, in milliseconds.</param>
    /// <param name="body">FLV AUDIODATA / VIDEODATA / SCRIPTDATA body, which is exactly the RTMP message payload.</param>
    void Write(byte messageTypeId, uint timestampMs, ReadOnlySpan<byte> body);
}
