namespace Spectra.Media.Srt.Internal;

/// <summary>SRT_SOCKOPT values of srt/srt.h (SRT 1.5) that SRT ingest sets or reads.</summary>
internal enum SrtSocketOption
{
    /// <summary>Receiving blocks (bool, default true).</summary>
    ReceiveSynchronous = 2,

    /// <summary>Receiver buffer, bytes (int).</summary>
    ReceiveBuffer = 6,

    /// <summary>UDP receive buffer, bytes (int).</summary>
    UdpReceiveBuffer = 9,

    /// <summary>srt_recvmsg / srt_accept timeout in ms, -1 = forever (int).</summary>
    ReceiveTimeout = 14,

    /// <summary>Receiver latency (TSBPD delay) in ms (int); sets receive and peer latency.</summary>
    Latency = 23,

    /// <summary>Passphrase, 10–79 bytes, empty = no encryption.</summary>
    Passphrase = 26,

    /// <summary>Key length in bytes: 16, 24 or 32 (int).</summary>
    PassphraseKeyLength = 27,

    /// <summary>Connect timeout of a caller in ms (int).</summary>
    ConnectTimeout = 36,

    /// <summary>The stream id the caller sent (string, at most 512 bytes).</summary>
    StreamId = 46,

    /// <summary>SRTT_LIVE (0) or SRTT_FILE (1) (int); sets a group of defaults.</summary>
    TransmissionType = 50,

    /// <summary>Refuse a peer whose encryption does not match (bool, default true).</summary>
    EnforcedEncryption = 53,

    /// <summary>The connection breaks after this many ms without a packet from the peer (int, default 5000).</summary>
    PeerIdleTimeout = 55,
}
