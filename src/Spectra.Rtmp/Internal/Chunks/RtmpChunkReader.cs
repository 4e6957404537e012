using System.Buffers;
using System.Buffers.Binary;

namespace Spectra.Rtmp.Internal.Chunks;

/// <summary>
/// Reassembles RTMP messages from chunks (RTMP 1.0 §5.3). Pure: it consumes bytes from a <see cref="SequenceReader{T}"/>
/// and keeps per chunk stream state between calls; the caller owns the I/O.
/// <para>
/// Chunk format (§5.3.1):
/// <code>
/// +--------------+----------------+--------------------+--------------+
/// | Basic Header | Message Header | Extended Timestamp |  Chunk Data  |
/// +--------------+----------------+--------------------+--------------+
///   1–3 bytes      0, 3, 7 or 11     0 or 4 bytes         ≤ chunk size
///
/// Basic header (§5.3.1.1), cs id 2–63 / 64–319 / 64–65599:
///  0 1 2 3 4 5 6 7   0 1 2 3 4 5 6 7   0 1 2 3 4 5 6 7
/// +-+-+-+-+-+-+-+-+ +-+-+-+-+-+-+-+-+ +-+-+-+-+-+-+-+-+
/// |fmt|   cs id   | |fmt|     0     | |  cs id - 64   |          (2 bytes)
/// +-+-+-+-+-+-+-+-+ +-+-+-+-+-+-+-+-+ +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
///                   |fmt|     1     | |   cs id - 64, little endian U16  |  (3 bytes)
///                   +-+-+-+-+-+-+-+-+ +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
///
/// Message header (§5.3.1.2), big endian except the message stream id (little endian):
/// fmt 0: timestamp(3) | message length(3) | type id(1) | message stream id(4)   (11 bytes)
/// fmt 1: timestamp delta(3) | message length(3) | type id(1)                     (7 bytes)
/// fmt 2: timestamp delta(3)                                                      (3 bytes)
/// fmt 3: nothing, values come from the previous chunk of the same chunk stream   (0 bytes)
/// </code>
/// A timestamp field of 0xFFFFFF means the real value follows as a 4-byte extended timestamp (§5.3.1.3),
/// which fmt 3 chunks of that stream repeat.
/// </para>
/// Chunk payloads are copied as they arrive, so a chunk larger than the transport's buffer never stalls the reader.
/// </summary>
internal sealed class RtmpChunkReader : IDisposable
{
    /// <summary>Initial chunk size of both directions (§5.4.1).</summary>
    public const int DefaultChunkSize = 128;

    /// <summary>Largest chunk stream id: 3-byte basic header, 65535 + 64 (§5.3.1.1).</summary>
    public const uint MaxChunkStreamId = 65599;

    private const int MaxHeaderLength = 3 + 11 + 4;
    private const uint ExtendedTimestampMarker = 0xFFFFFF;

    private readonly Dictionary<uint, RtmpChunkStream> _streams = [];
    private readonly int _maxMessageSize;
    private readonly int _maxChunkStreams;
    private readonly long _maxHeldBytes;
    private RtmpChunkStream? _current;
    private int _chunkRemaining;
    private RtmpChunkStream? _delivered;
    private RtmpChunkStream? _last;
    private long _bufferedBytes;
    private long _heldBytes;
    private bool _prePublish;
    private int _prePublishMaxMessageSize;
    private long _prePublishMaxHeldBytes;

    /// <param name="maxMessageSize">Largest declared message length accepted, bytes.</param>
    /// <param name="maxChunkStreams">Largest number of distinct chunk stream ids.</param>
    /// <param name="maxHeldBytes">
    /// Largest sum of buffer bytes the chunk streams may hold (<see cref="HeldBytes"/>): the pooled capacity, which the
    /// pool rounds up to a power of two. Buffers are held only while their message is in progress.
    /// </param>
    public RtmpChunkReader(int maxMessageSize, int maxChunkStreams, long maxHeldBytes)
    {
        _maxMessageSize = maxMessageSize;
        _maxChunkStreams = maxChunkStreams;
        _maxHeldBytes = maxHeldBytes;
    }

    /// <summary>
    /// Tighter limits until <see cref="LiftPrePublishLimits"/>: a peer that may not publish yet gets only small messages
    /// through. Exceeding them throws <see cref="RtmpPrePublishLimitException"/>; the limits of the constructor still apply.
    /// </summary>
    public void SetPrePublishLimits(int maxMessageSize, long maxHeldBytes)
    {
        _prePublish = true;
        _prePublishMaxMessageSize = maxMessageSize;
        _prePublishMaxHeldBytes = maxHeldBytes;
    }

    /// <summary>From now on only the limits of the constructor apply (the peer's publish was accepted).</summary>
    public void LiftPrePublishLimits() => _prePublish = false;

    /// <summary>The peer's chunk size (bytes of payload per chunk), 1–2^31−1.</summary>
    public int ChunkSize { get; private set; } = DefaultChunkSize;

    /// <summary>Number of chunk streams seen so far.</summary>
    public int ChunkStreamCount => _streams.Count;

    /// <summary>Payload bytes currently held for incomplete messages.</summary>
    public long BufferedBytes => _bufferedBytes;

    /// <summary>
    /// Bytes of pooled buffers the chunk streams hold right now: the capacity of the buffers of incomplete messages (and
    /// of the message just delivered, until the next read). Between messages a chunk stream holds nothing.
    /// </summary>
    public long HeldBytes => _heldBytes;

    /// <summary>
    /// Applies a Set Chunk Size message (§5.4.1): 31-bit value, the high bit must be 0; 0 is meaningless.
    /// Takes effect for chunks after the message that carried it.
    /// </summary>
    public void SetChunkSize(uint size)
    {
        if (size is 0 or > int.MaxValue)
        {
            throw new RtmpProtocolException($"Set Chunk Size {size} is outside 1–2147483647 (RTMP 1.0 §5.4.1)");
        }

        ChunkSize = (int)size;
    }

    /// <summary>Applies an Abort message (§5.4.2): drops the partly received message of the chunk stream.</summary>
    public void Abort(uint chunkStreamId)
    {
        if (_streams.TryGetValue(chunkStreamId, out var stream) && stream.InProgress)
        {
            if (ReferenceEquals(_current, stream))
            {
                _current = null;
                _chunkRemaining = 0;
            }

            _bufferedBytes -= stream.Received;
            _heldBytes -= stream.ReleaseMessage();
        }
    }

    /// <summary>
    /// Consumes chunks until a message is complete (true) or the data runs out (false; partial chunks stay unconsumed
    /// unless their header was complete). The message payload stays valid until the next call.
    /// </summary>
    /// <exception cref="RtmpProtocolException">Invalid chunk or a limit exceeded.</exception>
    public bool TryReadMessage(ref SequenceReader<byte> reader, out RtmpMessage message)
    {
        if (_delivered is not null)
        {
            _heldBytes -= _delivered.ReleaseMessage();
            _delivered = null;
        }

        while (true)
        {
            if (_current is null && !TryReadChunkHeader(ref reader))
            {
                message = default;
                return false;
            }

            var stream = _current!;
            if (_chunkRemaining > 0)
            {
                var count = (int)Math.Min(reader.Remaining, _chunkRemaining);
                if (count == 0)
                {
                    message = default;
                    return false;
                }

                var capacity = stream.Capacity;
                var destination = stream.Append(count);
                _heldBytes += stream.Capacity - capacity;
                // The grown buffer is already counted, so Dispose gives it back with the others.
                if (_heldBytes > _maxHeldBytes)
                {
                    throw new RtmpProtocolException(
                        $"Incomplete messages would hold more than {_maxHeldBytes} bytes across {_streams.Count} chunk streams");
                }

                if (_prePublish && _heldBytes > _prePublishMaxHeldBytes)
                {
                    throw new RtmpPrePublishLimitException(
                        $"Incomplete messages would hold more than {_prePublishMaxHeldBytes} bytes across {_streams.Count} chunk streams; that is the limit before publish");
                }

                reader.TryCopyTo(destination);
                reader.Advance(count);
                _bufferedBytes += count;
                _chunkRemaining -= count;
                if (_chunkRemaining > 0)
                {
                    message = default;
                    return false;
                }
            }

            _current = null;
            if (stream.Received == stream.Length)
            {
                _bufferedBytes -= stream.Length;
                _delivered = stream;
                message = new RtmpMessage(stream.Header, stream.Payload);
                return true;
            }
        }
    }

    private bool TryReadChunkHeader(ref SequenceReader<byte> reader)
    {
        var available = (int)Math.Min(reader.Remaining, MaxHeaderLength);
        if (available == 0)
        {
            return false;
        }

        // Parse in place when the header cannot straddle a segment boundary; copy only when it might.
        Span<byte> buffer = stackalloc byte[MaxHeaderLength];
        scoped ReadOnlySpan<byte> header;
        if (reader.UnreadSpan.Length >= available)
        {
            header = reader.UnreadSpan[..available];
        }
        else
        {
            reader.TryCopyTo(buffer[..available]);
            header = buffer[..available];
        }

        var fmt = header[0] >> 6;
        uint id = header[0] & 0x3Fu;
        var position = 1;
        if (id == 0)
        {
            if (available < 2)
            {
                return false;
            }

            id = header[1] + 64u;
            position = 2;
        }
        else if (id == 1)
        {
            if (available < 3)
            {
                return false;
            }

            id = header[1] + (header[2] * 256u) + 64u;
            position = 3;
        }

        var messageHeaderLength = fmt switch { 0 => 11, 1 => 7, 2 => 3, _ => 0 };
        if (available < position + messageHeaderLength)
        {
            return false;
        }

        // Consecutive chunks usually belong to the same chunk stream (one media message split in chunks).
        var stream = _last is not null && _last.Id == id ? _last : _streams.GetValueOrDefault(id);
        if (fmt != 0 && (stream is null || !stream.HasHeader))
        {
            throw new RtmpProtocolException($"Chunk stream {id} starts with a fmt {fmt} chunk; its first chunk must be fmt 0 (RTMP 1.0 §5.3.1.2)");
        }

        uint timestampField = 0;
        bool extended;
        if (fmt <= 2)
        {
            timestampField = ReadUInt24(header[position..]);
            extended = timestampField == ExtendedTimestampMarker;
        }
        else
        {
            extended = stream!.HasExtendedTimestamp;
        }

        var total = position + messageHeaderLength + (extended ? 4 : 0);
        if (available < total)
        {
            return false;
        }

        if (extended && fmt <= 2)
        {
            timestampField = BinaryPrimitives.ReadUInt32BigEndian(header[(position + messageHeaderLength)..]);
        }

        if (stream is null)
        {
            if (_streams.Count >= _maxChunkStreams)
            {
                throw new RtmpProtocolException($"Chunk stream {id} would exceed the limit of {_maxChunkStreams} chunk streams");
            }

            stream = new RtmpChunkStream(id);
            _streams.Add(id, stream);
        }

        if (fmt <= 2 && stream.InProgress)
        {
            throw new RtmpProtocolException(
                $"Chunk stream {id}: fmt {fmt} header while message of {stream.Length} bytes has only {stream.Received} (RTMP 1.0 §5.3.1.2.4)");
        }

        var fields = header[position..];
        switch (fmt)
        {
            case 0:
            {
                var length = (int)ReadUInt24(fields[3..]);
                CheckLength(id, length);
                stream.Length = length;
                stream.TypeId = fields[6];
                stream.MessageStreamId = BinaryPrimitives.ReadUInt32LittleEndian(fields[7..]);
                stream.Timestamp = timestampField;
                stream.TimestampDelta = timestampField;
                stream.HasExtendedTimestamp = extended;
                stream.HasHeader = true;
                break;
            }

            case 1:
            {
                var length = (int)ReadUInt24(fields[3..]);
                CheckLength(id, length);
                stream.Length = length;
                stream.TypeId = fields[6];
                stream.Timestamp = unchecked(stream.Timestamp + timestampField);
                stream.TimestampDelta = timestampField;
                stream.HasExtendedTimestamp = extended;
                break;
            }

            case 2:
                stream.Timestamp = unchecked(stream.Timestamp + timestampField);
                stream.TimestampDelta = timestampField;
                stream.HasExtendedTimestamp = extended;
                break;

            default:
                // §5.3.1.2.4: a fmt 3 chunk that starts a new message repeats the previous delta.
                if (stream.Received == 0)
                {
                    stream.Timestamp = unchecked(stream.Timestamp + stream.TimestampDelta);
                }

                break;
        }

        reader.Advance(total);
        _last = stream;
        _current = stream;
        _chunkRemaining = Math.Min(ChunkSize, stream.Length - stream.Received);
        return true;
    }

    private void CheckLength(uint id, int length)
    {
        if (length > _maxMessageSize)
        {
            throw new RtmpProtocolException($"Chunk stream {id} declares a {length}-byte message; the limit is {_maxMessageSize} bytes");
        }

        if (_prePublish && length > _prePublishMaxMessageSize)
        {
            throw new RtmpPrePublishLimitException(
                $"Chunk stream {id} declares a {length}-byte message; the limit before publish is {_prePublishMaxMessageSize} bytes");
        }
    }

    private static uint ReadUInt24(ReadOnlySpan<byte> span) => ((uint)span[0] << 16) | ((uint)span[1] << 8) | span[2];

    public void Dispose()
    {
        foreach (var stream in _streams.Values)
        {
            stream.ReleaseMessage();
        }

        _streams.Clear();
        _current = null;
        _delivered = null;
        _last = null;
        _bufferedBytes = 0;
        _heldBytes = 0;
    }
}
