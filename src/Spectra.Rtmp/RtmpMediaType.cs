namespace Spectra.Rtmp;

/// <summary>RTMP media message types (RTMP 1.0 §7.1.4, §7.1.5); the values are the message type ids.</summary>
public enum RtmpMediaType : byte
{
    /// <summary>Message type 8, an FLV AUDIODATA body.</summary>
    Audio = 8,

    /// <summary>Message type 9, an FLV VIDEODATA body.</summary>
    Video = 9,
}
