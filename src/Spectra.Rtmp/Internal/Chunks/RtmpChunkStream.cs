using System.Buffers;

namespace Spectra.Rtmp.Internal.Chunks;

/// <summary>
/// Per chunk stream state (RTMP 1.0 §5.3.1): the last header values that later fmt 1–3 chunks inherit, and the message being assembled.
/// The payload buffer comes from <see cref="ArrayPool{T}.Shared"/> and grows with the bytes actually received,
/// never with the declared length alone, so a peer that declares a large message but sends little costs little memory.
/// It is held only while a message is in progress: delivering or aborting the message returns it to the pool.
/// </summary>
internal sealed class RtmpChunkStream(uint id)
{
    private const int MinimumBuffer = 4096;

    private byte[]? _buffer;

    public uint Id { get; } = id;

    /// <summary>True once a fmt 0 header was seen; fmt 1–3 require it.</summary>
    public bool HasHeader { get; set; }

    public uint Timestamp { get; set; }

    /// <summary>The last timestamp field: a delta after fmt 1/2, the absolute value after fmt 0 (as ffmpeg and librtmp do); a fmt 3 that starts a new message adds it.</summary>
    public uint TimestampDelta { get; set; }

    /// <summary>The last fmt 0–2 header had timestamp 0xFFFFFF, so fmt 3 chunks of this stream carry the extended timestamp too (§5.3.1.3).</summary>
    public bool HasExtendedTimestamp { get; set; }

    public int Length { get; set; }

    public byte TypeId { get; set; }

    public uint MessageStreamId { get; set; }

    /// <summary>Payload bytes of the current message received so far; 0 between messages.</summary>
    public int Received { get; private set; }

    public bool InProgress => Received > 0 && Received < Length;

    /// <summary>Length of the pooled buffer held: 0 between messages, at least <see cref="Received"/> during one.</summary>
    public int Capacity => _buffer?.Length ?? 0;

    public ReadOnlySpan<byte> Payload => _buffer is null ? [] : _buffer.AsSpan(0, Received);

    public RtmpMessageHeader Header => new(Id, Timestamp, Length, TypeId, MessageStreamId);

    /// <summary>Returns a span for the next <paramref name="count"/> payload bytes; the caller fills it completely.</summary>
    public Span<byte> Append(int count)
    {
        var needed = Received + count;
        if (_buffer is null || _buffer.Length < needed)
        {
            var size = Math.Min(Length, Math.Max(needed, Math.Max(MinimumBuffer, (_buffer?.Length ?? 0) * 2)));
            var grown = ArrayPool<byte>.Shared.Rent(size);
            if (_buffer is not null)
            {
                _buffer.AsSpan(0, Received).CopyTo(grown);
                ArrayPool<byte>.Shared.Return(_buffer);
            }

            _buffer = grown;
        }

        var span = _buffer.AsSpan(Received, count);
        Received = needed;
        return span;
    }

    /// <summary>
    /// Forgets the message payload and returns its buffer to the pool (after delivery, on Abort §5.4.2, and at the end
    /// of the connection). Returns the capacity that was held.
    /// </summary>
    public int ReleaseMessage()
    {
        var held = Capacity;
        if (_buffer is not null)
        {
            ArrayPool<byte>.Shared.Return(_buffer);
            _buffer = null;
        }

        Received = 0;
        return held;
    }
}
