using System.Buffers;
using FsCheck;
using FsCheck.Fluent;
using Spectra.Rtmp.Internal.Chunks;

namespace Spectra.Rtmp.Tests.Internal.Chunks;

public sealed class RtmpChunkWriterTests
{
    [Fact]
    public void WriteMessage_SpecExample2_ProducesGoldenBytes()
    {
        var output = new ArrayBufferWriter<byte>();
        var payload = Enumerable.Range(0, 307).Select(i => (byte)(i + 1)).ToArray();
        new RtmpChunkWriter().WriteMessage(output, 4, 1000, 9, 12346, payload);
        Assert.Equal(RtmpChunkReaderTests.SpecExample2(), output.WrittenSpan.ToArray());
    }

    [Fact]
    public void WriteMessage_ExtendedTimestamp_RepeatedInEveryChunk()
    {
        var output = new ArrayBufferWriter<byte>();
        new RtmpChunkWriter().WriteMessage(output, 3, 0x12345678, 20, 0, new byte[129]);
        var bytes = output.WrittenSpan.ToArray();
        Assert.Equal(new byte[] { 0x03, 0xFF, 0xFF, 0xFF, 0x00, 0x00, 0x81, 0x14, 0, 0, 0, 0, 0x12, 0x34, 0x56, 0x78 }, bytes[..16]);
        Assert.Equal(new byte[] { 0xC3, 0x12, 0x34, 0x56, 0x78, 0x00 }, bytes[(16 + 128)..]);
    }

    [Fact]
    public void WriteMessage_SetChunkSize_GoldenBytes()
    {
        var output = new ArrayBufferWriter<byte>();
        RtmpControlMessages.WriteSetChunkSize(new RtmpChunkWriter(), output, 4096);
        Assert.Equal(new byte[] { 0x02, 0, 0, 0, 0, 0, 4, 0x01, 0, 0, 0, 0, 0x00, 0x00, 0x10, 0x00 }, output.WrittenSpan.ToArray());
    }

    [Fact]
    public void WriteMessage_ThenRead_RoundTripsAnyMessageSequence()
    {
        var message =
            from id in Gen.Choose(2, 65599)
            from tsStep in Gen.Choose(0, 1000)
            from length in Gen.Choose(0, 3000)
            from type in Gen.Elements<byte>(8, 9, 18, 20)
            select (id, tsStep, length, type);
        var scenario =
            from chunkSize in Gen.Choose(1, 600)
            from messages in Gen.ListOf(message)
            from piece in Gen.Choose(1, 64)
            select (chunkSize, messages, piece);

        Prop.ForAll(scenario.ToArbitrary(), s =>
        {
            var (chunkSize, messages, piece) = s;
            var writer = new RtmpChunkWriter { ChunkSize = chunkSize };
            var output = new ArrayBufferWriter<byte>();
            var timestamps = new Dictionary<int, uint>();
            var expected = new List<(RtmpMessageHeader Header, byte[] Payload)>();
            foreach (var (id, tsStep, length, type) in messages)
            {
                var payload = new byte[length];
                Random.Shared.NextBytes(payload);
                var timestamp = timestamps[id] = (timestamps.GetValueOrDefault(id) + (uint)tsStep) * 7919u;
                writer.WriteMessage(output, (uint)id, timestamp, type, 1, payload);
                expected.Add((new RtmpMessageHeader((uint)id, timestamp, length, type, 1), payload));
            }

            using var reader = new RtmpChunkReader(1 << 20, 65600, 1 << 24);
            reader.SetChunkSize((uint)chunkSize);
            var actual = ChunkFeeder.ReadAll(reader, output.WrittenSpan, piece);
            Assert.Equal(expected.Select(e => e.Header), actual.Select(a => a.Header));
            Assert.Equal(expected.Select(e => e.Payload), actual.Select(a => a.Payload));
        }).Check(Config.QuickThrowOnFailure.WithMaxTest(200));
    }
}
