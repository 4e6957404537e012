using System.Buffers;
using Spectra.Rtmp.Internal;
using Spectra.Rtmp.Internal.Chunks;

namespace Spectra.Rtmp.Tests.Internal.Chunks;

public sealed class RtmpChunkReaderTests
{
    private static RtmpChunkReader NewReader(int maxMessageSize = 1 << 20, int maxChunkStreams = 16) => new(maxMessageSize, maxChunkStreams, 2L * maxMessageSize);

    private static byte[] Payload(int length, byte seed = 1) => [.. Enumerable.Range(0, length).Select(i => (byte)(i + seed))];

    /// <summary>RTMP 1.0 §5.3.2.1 example 1: four 32-byte audio messages, fmt 0, fmt 2, fmt 3, fmt 3.</summary>
    private static byte[] SpecExample1()
    {
        var bytes = new List<byte> { 0x03, 0x00, 0x03, 0xE8, 0x00, 0x00, 0x20, 0x08, 0x39, 0x30, 0x00, 0x00 };
        bytes.AddRange(Payload(32, 1));
        bytes.AddRange([0x83, 0x00, 0x00, 0x14]);
        bytes.AddRange(Payload(32, 2));
        bytes.Add(0xC3);
        bytes.AddRange(Payload(32, 3));
        bytes.Add(0xC3);
        bytes.AddRange(Payload(32, 4));
        return [.. bytes];
    }

    /// <summary>RTMP 1.0 §5.3.2.2 example 2: one 307-byte video message in chunks of 128, 128, 51.</summary>
    public static byte[] SpecExample2()
    {
        var payload = Payload(307);
        var bytes = new List<byte> { 0x04, 0x00, 0x03, 0xE8, 0x00, 0x01, 0x33, 0x09, 0x3A, 0x30, 0x00, 0x00 };
        bytes.AddRange(payload[..128]);
        bytes.Add(0xC4);
        bytes.AddRange(payload[128..256]);
        bytes.Add(0xC4);
        bytes.AddRange(payload[256..]);
        return [.. bytes];
    }

    [Fact]
    public void TryReadMessage_SpecExample1_AppliesDeltasAndRepeatsThemForFmt3()
    {
        using var reader = NewReader();
        var messages = ChunkFeeder.ReadAll(reader, SpecExample1());

        Assert.Equal([1000u, 1020u, 1040u, 1060u], messages.Select(m => m.Header.Timestamp));
        Assert.All(messages, m => Assert.Equal(new RtmpMessageHeader(3, m.Header.Timestamp, 32, 8, 12345), m.Header));
        Assert.Equal(Payload(32, 3), messages[2].Payload);
    }

    [Fact]
    public void TryReadMessage_SpecExample2_ReassemblesContinuationChunks()
    {
        using var reader = NewReader();
        var message = Assert.Single(ChunkFeeder.ReadAll(reader, SpecExample2()));
        Assert.Equal(new RtmpMessageHeader(4, 1000, 307, 9, 12346), message.Header);
        Assert.Equal(Payload(307), message.Payload);
        Assert.Equal(0, reader.BufferedBytes);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(5)]
    [InlineData(13)]
    [InlineData(129)]
    public void TryReadMessage_InputSplitAnywhere_GivesSameMessages(int pieceSize)
    {
        var data = SpecExample1().Concat(SpecExample2()).ToArray();
        using var whole = NewReader();
        using var pieces = NewReader();
        var expected = ChunkFeeder.ReadAll(whole, data);
        var actual = ChunkFeeder.ReadAll(pieces, data, pieceSize);
        Assert.Equal(expected.Select(m => m.Header), actual.Select(m => m.Header));
        Assert.Equal(expected.Select(m => m.Payload), actual.Select(m => m.Payload));
    }

    [Fact]
    public void TryReadMessage_Fmt1_ChangesLengthAndTypeKeepsStreamId()
    {
        byte[] data =
        [
            0x05, 0x00, 0x00, 0x10, 0x00, 0x00, 0x01, 0x09, 0x01, 0x00, 0x00, 0x00, 0xAA,
            0x45, 0x00, 0x00, 0x21, 0x00, 0x00, 0x02, 0x08, 0xBB, 0xCC,
        ];
        using var reader = NewReader();
        var messages = ChunkFeeder.ReadAll(reader, data);
        Assert.Equal(new RtmpMessageHeader(5, 0x10, 1, 9, 1), messages[0].Header);
        Assert.Equal(new RtmpMessageHeader(5, 0x31, 2, 8, 1), messages[1].Header);
        Assert.Equal(new byte[] { 0xBB, 0xCC }, messages[1].Payload);
    }

    [Fact]
    public void TryReadMessage_ExtendedTimestamp_ReadInFmt0AndRepeatedInFmt3Continuation()
    {
        // fmt 0 with timestamp 0xFFFFFF, extended 0x01000000, 130-byte message: the fmt 3 continuation repeats the extended field.
        var payload = Payload(130);
        var data = new List<byte> { 0x06, 0xFF, 0xFF, 0xFF, 0x00, 0x00, 0x82, 0x09, 0x01, 0x00, 0x00, 0x00, 0x01, 0x00, 0x00, 0x00 };
        data.AddRange(payload[..128]);
        data.AddRange([0xC6, 0x01, 0x00, 0x00, 0x00]);
        data.AddRange(payload[128..]);

        using var reader = NewReader();
        var message = Assert.Single(ChunkFeeder.ReadAll(reader, [.. data]));
        Assert.Equal(0x01000000u, message.Header.Timestamp);
        Assert.Equal(payload, message.Payload);
    }

    [Fact]
    public void TryReadMessage_TimestampDeltaPastUInt32_Wraps()
    {
        byte[] data =
        [
            0x07, 0xFF, 0xFF, 0xFF, 0x00, 0x00, 0x00, 0x08, 0x01, 0x00, 0x00, 0x00, 0xFF, 0xFF, 0xFF, 0xF0,
            0x87, 0x00, 0x00, 0x20,
        ];
        using var reader = NewReader();
        var messages = ChunkFeeder.ReadAll(reader, data);
        Assert.Equal([0xFFFFFFF0u, 0x10u], messages.Select(m => m.Header.Timestamp));
        Assert.All(messages, m => Assert.Empty(m.Payload));
    }

    [Theory]
    [InlineData(2u, new byte[] { 0x02 })]
    [InlineData(63u, new byte[] { 0x3F })]
    [InlineData(64u, new byte[] { 0x00, 0x00 })]
    [InlineData(319u, new byte[] { 0x00, 0xFF })]
    [InlineData(320u, new byte[] { 0x01, 0x00, 0x01 })]
    [InlineData(65599u, new byte[] { 0x01, 0xFF, 0xFF })]
    public void TryReadMessage_BasicHeaderForms_DecodeChunkStreamId(uint id, byte[] basicHeader)
    {
        var data = basicHeader.Concat(new byte[] { 0x00, 0x00, 0x01, 0x00, 0x00, 0x01, 0x14, 0x00, 0x00, 0x00, 0x00, 0x42 }).ToArray();
        using var reader = NewReader();
        var message = Assert.Single(ChunkFeeder.ReadAll(reader, data));
        Assert.Equal(id, message.Header.ChunkStreamId);

        Span<byte> written = stackalloc byte[3];
        Assert.Equal(basicHeader.Length, RtmpChunkWriter.WriteBasicHeader(written, 0, id));
        Assert.Equal(basicHeader, written[..basicHeader.Length].ToArray());
    }

    [Fact]
    public void TryReadMessage_AfterSetChunkSize_UsesNewSize()
    {
        var writer = new RtmpChunkWriter { ChunkSize = 4096 };
        var output = new ArrayBufferWriter<byte>();
        RtmpControlMessages.WriteSetChunkSize(new RtmpChunkWriter(), output, 4096);
        writer.WriteMessage(output, 6, 40, 9, 1, Payload(5000));

        using var reader = NewReader();
        var messages = ChunkFeeder.ReadAll(reader, output.WrittenSpan, 7, (r, m) =>
        {
            if (m.Header.TypeId == RtmpMessageType.SetChunkSize)
            {
                r.SetChunkSize(RtmpControlMessages.ReadUInt32(m.Payload, "Set Chunk Size"));
            }
        });
        Assert.Equal(4096, reader.ChunkSize);
        Assert.Equal(Payload(5000), messages[1].Payload);
    }

    [Theory]
    [InlineData(0u)]
    [InlineData(0x80000000u)]
    [InlineData(0xFFFFFFFFu)]
    public void SetChunkSize_ZeroOrAbove31Bits_Throws(uint size)
    {
        using var reader = NewReader();
        var ex = Assert.Throws<RtmpProtocolException>(() => reader.SetChunkSize(size));
        Assert.Equal($"Set Chunk Size {size} is outside 1–2147483647 (RTMP 1.0 §5.4.1)", ex.Message);
        Assert.Equal(RtmpChunkReader.DefaultChunkSize, reader.ChunkSize);
    }

    [Fact]
    public void SetChunkSize_MaxValue_Accepted()
    {
        using var reader = NewReader();
        reader.SetChunkSize(0x7FFFFFFF);
        Assert.Equal(int.MaxValue, reader.ChunkSize);
    }

    [Fact]
    public void TryReadMessage_LengthAboveLimit_ThrowsBeforeBuffering()
    {
        byte[] data = [0x04, 0x00, 0x00, 0x00, 0xFF, 0xFF, 0xFF, 0x09, 0x01, 0x00, 0x00, 0x00, 0x00];
        using var reader = NewReader(maxMessageSize: 65536);
        var ex = Assert.Throws<RtmpProtocolException>(() => ChunkFeeder.ReadAll(reader, data));
        Assert.Equal("Chunk stream 4 declares a 16777215-byte message; the limit is 65536 bytes", ex.Message);
        Assert.Equal(0, reader.BufferedBytes);
    }

    [Fact]
    public void TryReadMessage_TooManyChunkStreams_Throws()
    {
        var data = new List<byte>();
        for (byte id = 2; id < 6; id++)
        {
            data.AddRange([id, 0, 0, 0, 0, 0, 0, 0x14, 0, 0, 0, 0]);
        }

        using var reader = NewReader(maxChunkStreams: 3);
        var ex = Assert.Throws<RtmpProtocolException>(() => ChunkFeeder.ReadAll(reader, [.. data]));
        Assert.Equal("Chunk stream 5 would exceed the limit of 3 chunk streams", ex.Message);
    }

    [Theory]
    [InlineData(0x42)]
    [InlineData(0x82)]
    [InlineData(0xC2)]
    public void TryReadMessage_FirstChunkNotFmt0_Throws(byte firstByte)
    {
        using var reader = NewReader();
        var ex = Assert.Throws<RtmpProtocolException>(() => ChunkFeeder.ReadAll(reader, [firstByte, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0]));
        Assert.StartsWith($"Chunk stream 2 starts with a fmt {firstByte >> 6} chunk", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void TryReadMessage_NewHeaderWhileMessageIncomplete_Throws()
    {
        var data = new List<byte> { 0x04, 0, 0, 0, 0, 0x01, 0x00, 0x09, 1, 0, 0, 0 };
        data.AddRange(Payload(128));
        data.AddRange([0x04, 0, 0, 0, 0, 0, 1, 0x09, 1, 0, 0, 0, 0]);
        using var reader = NewReader();
        var ex = Assert.Throws<RtmpProtocolException>(() => ChunkFeeder.ReadAll(reader, [.. data]));
        Assert.StartsWith("Chunk stream 4: fmt 0 header while message of 256 bytes has only 128", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Abort_PartialMessage_IsDiscarded()
    {
        var first = new List<byte> { 0x04, 0, 0, 0, 0, 0x01, 0x00, 0x09, 1, 0, 0, 0 };
        first.AddRange(Payload(128));
        using var reader = NewReader();
        Assert.Empty(ChunkFeeder.ReadAll(reader, [.. first]));
        Assert.Equal(128, reader.BufferedBytes);

        reader.Abort(4);
        Assert.Equal(0, reader.BufferedBytes);

        // After the abort a fmt 1 header starts a fresh message on the same chunk stream.
        var message = Assert.Single(ChunkFeeder.ReadAll(reader, [0x44, 0, 0, 5, 0, 0, 1, 0x08, 0x77]));
        Assert.Equal(new RtmpMessageHeader(4, 5, 1, 8, 1), message.Header);
    }

    [Fact]
    public void TryReadMessage_IncompleteMessagesAboveBufferLimit_Throws()
    {
        // Three chunk streams each start a 200-byte message; each holds a pooled buffer of 256 bytes, the limit is 600.
        var data = new List<byte> { 0x04, 0, 0, 0, 0, 0, 200, 0x09, 1, 0, 0, 0 };
        data.AddRange(Payload(128));
        data.AddRange([0x05, 0, 0, 0, 0, 0, 200, 0x09, 1, 0, 0, 0]);
        data.AddRange(Payload(128));
        data.AddRange([0x06, 0, 0, 0, 0, 0, 200, 0x09, 1, 0, 0, 0]);
        data.AddRange(Payload(128));
        using var reader = new RtmpChunkReader(1000, 16, 600);
        var ex = Assert.Throws<RtmpProtocolException>(() => ChunkFeeder.ReadAll(reader, [.. data]));
        Assert.Equal("Incomplete messages would hold more than 600 bytes across 3 chunk streams", ex.Message);
    }

    private static byte[] Chunked(int chunkSize, params (uint ChunkStreamId, byte TypeId, byte[] Payload)[] messages)
    {
        var writer = new RtmpChunkWriter { ChunkSize = chunkSize };
        var output = new ArrayBufferWriter<byte>();
        foreach (var (id, type, payload) in messages)
        {
            writer.WriteMessage(output, id, 0, type, 1, payload);
        }

        return output.WrittenSpan.ToArray();
    }

    [Fact]
    public void TryReadMessage_LargeMessageByteByByte_HoldsBufferOnlyWhileInProgress()
    {
        // A 100 KiB video message in 128-byte chunks, then a 1-byte audio message on the same chunk stream,
        // fed one byte per read the way a slow peer would send them.
        var data = Chunked(RtmpChunkReader.DefaultChunkSize, (6, RtmpMessageType.Video, Payload(100 * 1024)), (6, RtmpMessageType.Audio, [0xAF]));
        using var reader = NewReader();
        var delivered = new List<(byte TypeId, int Length, long HeldAtDelivery)>();
        long heldAfterVideo = -1;
        var pending = new List<byte>();
        foreach (var b in data)
        {
            pending.Add(b);
            var sequence = new SequenceReader<byte>(new ReadOnlySequence<byte>(pending.ToArray()));
            while (reader.TryReadMessage(ref sequence, out var message))
            {
                delivered.Add((message.Header.TypeId, message.Payload.Length, reader.HeldBytes));
            }

            if (delivered.Count == 1 && heldAfterVideo < 0)
            {
                heldAfterVideo = reader.HeldBytes;
            }

            // While a message is in progress the buffer grows with what arrived, never with the declared length.
            Assert.InRange(reader.HeldBytes, reader.BufferedBytes, (2 * reader.BufferedBytes) + 4096);
            pending.RemoveRange(0, (int)sequence.Consumed);
        }

        Assert.Equal([(RtmpMessageType.Video, 100 * 1024), (RtmpMessageType.Audio, 1)], delivered.Select(d => (d.TypeId, d.Length)));
        Assert.True(delivered[0].HeldAtDelivery >= 100 * 1024);

        // Reading on gives the video buffer back to the pool at once.
        Assert.Equal(0, heldAfterVideo);
        var none = new SequenceReader<byte>(ReadOnlySequence<byte>.Empty);
        Assert.False(reader.TryReadMessage(ref none, out _));
        Assert.Equal(0, reader.HeldBytes);
        Assert.Equal(0, reader.BufferedBytes);
    }

    [Fact]
    public void TryReadMessage_FinishedMessagesOnManyChunkStreams_HoldNothingAfterwards()
    {
        var messages = Enumerable.Range(10, 20).Select(id => ((uint)id, RtmpMessageType.Video, Payload(20_000, (byte)id))).ToArray();
        using var reader = NewReader(maxChunkStreams: 32);
        reader.SetChunkSize(4096);
        var read = ChunkFeeder.ReadAll(reader, Chunked(4096, messages), pieceSize: 1000);
        Assert.Equal(20, read.Count);
        var none = new SequenceReader<byte>(ReadOnlySequence<byte>.Empty);
        Assert.False(reader.TryReadMessage(ref none, out _));
        Assert.Equal(0, reader.HeldBytes);
    }

    [Fact]
    public void Abort_PartialMessage_ReleasesItsBuffer()
    {
        var data = new List<byte> { 0x04, 0, 0, 0, 0, 0x01, 0x00, 0x09, 1, 0, 0, 0 };
        data.AddRange(Payload(128));
        using var reader = NewReader();
        Assert.Empty(ChunkFeeder.ReadAll(reader, [.. data]));
        Assert.True(reader.HeldBytes >= 128);

        reader.Abort(4);
        Assert.Equal(0, reader.HeldBytes);
    }
}
