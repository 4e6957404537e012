namespace Spectra.Rtmp.Internal.Chunks;

/// <summary>
/// The message header (RTMP 1.0 §6.1.1) as reconstructed from chunk headers.
/// <see cref="Timestamp"/> is absolute in ms (32-bit, wraps); <see cref="Length"/> is the payload length in bytes.
/// </summary>
internal readonly record struct RtmpMessageHeader(uint ChunkStreamId, uint Timestamp, int Length, byte TypeId, uint MessageStreamId);
