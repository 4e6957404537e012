namespace Spectra.Rtmp.Internal.Chunks;

/// <summary>A complete message. <see cref="Payload"/> points into the reader's buffer and is valid until its next read.</summary>
internal readonly ref struct RtmpMessage
{
    public RtmpMessage(RtmpMessageHeader header, ReadOnlySpan<byte> payload)
    {
        Header = header;
        Payload = payload;
    }

    public RtmpMessageHeader Header { get; }

    public ReadOnlySpan<byte> Payload { get; }
}
