namespace Spectra.Rtmp;

/// <summary>RTMP ingest settings, bound from the configuration section <c>Rtmp</c> and validated at start-up.</summary>
public sealed class RtmpOptions
{
    /// <summary>The configuration section these options are bound from.</summary>
    public const string SectionName = "Rtmp";

    /// <summary>Largest message length the RTMP message header can express (24 bits, RTMP 1.0 §6.1.1).</summary>
    public const int ProtocolMaxMessageSize = 0xFFFFFF;

    /// <summary>
    /// The application name publishers must connect to (<c>rtmp://host/live</c>); compared ordinally ignoring case.
    /// Null or empty accepts every application and leaves the decision to <see cref="IRtmpPublishHandler"/>.
    /// </summary>
    public string? Application { get; set; } = "live";

    /// <summary>Time from accept until C2 has arrived (whole handshake). 0.5–60 s, default 5 s.</summary>
    public TimeSpan HandshakeTimeout { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>
    /// A connection whose peer sends no byte for this long is closed (a publisher that stops sending without closing).
    /// Encoders send media continuously, so 10 s is several GOPs of silence. 1 s–10 min, default 10 s.
    /// </summary>
    public TimeSpan IdleTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>
    /// Largest message accepted, in bytes. A larger declared length is a protocol error before any byte of it is buffered.
    /// Default 8 MiB: a keyframe of a 4K encode at 50 Mbit/s is typically 1–3 MiB, so this leaves headroom for
    /// high-bitrate outliers while halving the worst case of the 24-bit field (16 MiB − 1).
    /// 64 KiB – 16 MiB − 1.
    /// </summary>
    public int MaxMessageSize { get; set; } = 8 * 1024 * 1024;

    /// <summary>
    /// Largest message accepted before <c>publish</c> is accepted, in bytes; audio and video are refused altogether until
    /// then. What a publisher sends first (Set Chunk Size, <c>connect</c>, <c>releaseStream</c>, <c>FCPublish</c>,
    /// <c>createStream</c>, <c>publish</c>) is well under 1 KiB, so a connection that has not proven a stream key can hold
    /// at most two such messages' worth of buffer memory. 1 KiB – 64 KiB, default 16 KiB.
    /// </summary>
    public int PrePublishMaxMessageSize { get; set; } = 16 * 1024;

    /// <summary>
    /// Largest number of RTMP connections open at once from one remote address (IPv4-mapped IPv6 counts as IPv4);
    /// further ones are closed on accept. Loopback is not exempt. An encoder needs one; 16 leaves room for a few
    /// encoders behind one NAT. 1–100000, default 16.
    /// </summary>
    public int MaxConnectionsPerAddress { get; set; } = 16;

    /// <summary>Largest number of RTMP connections open at once in total; further ones are closed on accept. 1–100000, default 1000.</summary>
    public int MaxConnections { get; set; } = 1000;

    /// <summary>
    /// Largest number of distinct chunk stream ids a connection may use. ffmpeg, OBS (librtmp) and GStreamer use
    /// fewer than 8 (control 2, commands 3, audio and video 4–7). 2–65599 (the id space, §5.3.1.1), default 32.
    /// </summary>
    public int MaxChunkStreams { get; set; } = 32;

    /// <summary>Largest number of message streams a connection may create with <c>createStream</c>. 1–64, default 4.</summary>
    public int MaxMessageStreams { get; set; } = 4;

    /// <summary>
    /// Chunk size the server uses for what it sends, announced with Set Chunk Size after <c>connect</c> (§5.4.1).
    /// 128–65536, default 4096.
    /// </summary>
    public int OutgoingChunkSize { get; set; } = 4096;

    /// <summary>
    /// Window Acknowledgement Size and Set Peer Bandwidth the server announces after <c>connect</c> (§5.4.4, §5.4.5),
    /// and the acknowledgement window used until the peer announces its own. Bytes, 4 KiB – 2^31−1, default 2,500,000.
    /// </summary>
    public int WindowAcknowledgementSize { get; set; } = 2_500_000;
}
