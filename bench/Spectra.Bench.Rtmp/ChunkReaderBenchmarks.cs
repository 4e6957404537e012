using System.Buffers;
using BenchmarkDotNet.Attributes;
using Spectra.Rtmp.Internal.Chunks;

namespace Spectra.Bench.Rtmp;

/// <summary>
/// Per-message cost of reassembling media messages from chunks: 1,000 video messages of 4 KiB on one chunk stream,
/// the shape of a 1 Mbit/s publish, at the default chunk size (128) and at the 4096 ffmpeg and OBS switch to.
/// The input is fed in 16 KiB segments, the way Kestrel's pipe hands it over.
/// </summary>
[MemoryDiagnoser]
public class ChunkReaderBenchmarks
{
    private const int Messages = 1000;
    private ReadOnlySequence<byte> _input;

    [Params(128, 4096)]
    public int ChunkSize { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var writer = new RtmpChunkWriter { ChunkSize = ChunkSize };
        var output = new ArrayBufferWriter<byte>();
        var payload = new byte[4096];
        new Random(1).NextBytes(payload);
        for (var i = 0; i < Messages; i++)
        {
            payload[0] = i % 30 == 0 ? (byte)0x17 : (byte)0x27;
            writer.WriteMessage(output, 6, (uint)(i * 33), RtmpMessageType.Video, 1, payload);
        }

        _input = Segments(output.WrittenMemory, 16 * 1024);
    }

    [Benchmark(OperationsPerInvoke = Messages)]
    public long ReadMediaMessage()
    {
        using var reader = new RtmpChunkReader(8 << 20, 32, 16 << 20);
        reader.SetChunkSize((uint)ChunkSize);
        var sequenceReader = new SequenceReader<byte>(_input);
        long total = 0;
        while (reader.TryReadMessage(ref sequenceReader, out var message))
        {
            total += message.Payload.Length + message.Header.Timestamp;
        }

        return total;
    }

    private static ReadOnlySequence<byte> Segments(ReadOnlyMemory<byte> data, int segmentSize)
    {
        Segment? first = null;
        Segment? last = null;
        for (var offset = 0; offset < data.Length; offset += segmentSize)
        {
            var memory = data.Slice(offset, Math.Min(segmentSize, data.Length - offset)).ToArray();
            var segment = new Segment(memory, last?.RunningIndex + last?.Memory.Length ?? 0);
            last?.SetNext(segment);
            first ??= segment;
            last = segment;
        }

        return new ReadOnlySequence<byte>(first!, 0, last!, last!.Memory.Length);
    }

    private sealed class Segment : ReadOnlySequenceSegment<byte>
    {
        public Segment(ReadOnlyMemory<byte> memory, long runningIndex)
        {
            Memory = memory;
            RunningIndex = runningIndex;
        }

        public void SetNext(Segment next) => Next = next;
    }
}
