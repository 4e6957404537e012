using System.Buffers;
using Spectra.Media.Mp4;
using Spectra.Media.Tests.TestSupport;
using static Spectra.Media.Tests.TestSupport.Boxes;

namespace Spectra.Media.Tests.Mp4;

public sealed class Mp4BoxReaderTests
{
    [Fact]
    public void TryReadHeader_CompactSize_ReadsSizeAndType()
    {
        byte[] data = [0x00, 0x00, 0x00, 0x10, (byte)'f', (byte)'r', (byte)'e', (byte)'e', 1, 2, 3, 4, 5, 6, 7, 8];

        Assert.True(Mp4BoxReader.TryReadHeader(data, 0, 1024, out var header));

        Assert.Equal(Mp4BoxType.From("free"), header.Type);
        Assert.Equal(8, header.HeaderSize);
        Assert.Equal(16, header.Size);
        Assert.Equal(8, header.PayloadSize);
        Assert.Equal("free", header.Type.ToString());
    }

    [Fact]
    public void TryReadHeader_LargeSize_ReadsSixtyFourBitSize()
    {
        byte[] data = [0, 0, 0, 1, (byte)'m', (byte)'d', (byte)'a', (byte)'t', 0, 0, 0, 1, 0, 0, 0, 0];

        Assert.True(Mp4BoxReader.TryReadHeader(data, 0, long.MaxValue, out var header));

        Assert.Equal(Mp4BoxType.Mdat, header.Type);
        Assert.Equal(16, header.HeaderSize);
        Assert.Equal(0x1_0000_0000L, header.Size);
    }

    [Fact]
    public void TryReadHeader_Uuid_IncludesUserType()
    {
        var data = Concat(U32(40), "uuid"u8.ToArray(), Zeros(32));

        Assert.True(Mp4BoxReader.TryReadHeader(data, 0, 1024, out var header));

        Assert.Equal(24, header.HeaderSize);
        Assert.Equal(40, header.Size);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(7)]
    public void TryReadHeader_ShortInput_ReturnsFalse(int length)
    {
        var data = Box("free", Zeros(8)).AsSpan(0, length);

        Assert.False(Mp4BoxReader.TryReadHeader(data, 0, 1024, out _));
    }

    [Fact]
    public void TryReadHeader_LargeSizeNotYetReceived_ReturnsFalse()
    {
        byte[] data = [0, 0, 0, 1, (byte)'m', (byte)'d', (byte)'a', (byte)'t', 0, 0];

        Assert.False(Mp4BoxReader.TryReadHeader(data, 0, long.MaxValue, out _));
    }

    [Fact]
    public void TryReadHeader_SizeZero_ThrowsWithOffset()
    {
        var data = Concat(U32(0), "mdat"u8.ToArray());

        var ex = Assert.Throws<Mp4FormatException>(() => Mp4BoxReader.TryReadHeader(data, 500, 1024, out _));

        Assert.Equal(500, ex.Offset);
        Assert.Equal(Mp4BoxType.Mdat, ex.BoxType);
        Assert.Contains("size 0", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void TryReadHeader_SizeSmallerThanHeader_Throws()
    {
        var data = Concat(U32(7), "moof"u8.ToArray());

        var ex = Assert.Throws<Mp4FormatException>(() => Mp4BoxReader.TryReadHeader(data, 12, 1024, out _));

        Assert.Equal(12, ex.Offset);
        Assert.Contains("declares size 7, smaller than its 8-byte header", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void TryReadHeader_AboveLimit_Throws()
    {
        var data = Concat(U32(2048), "mdat"u8.ToArray());

        var ex = Assert.Throws<Mp4FormatException>(() => Mp4BoxReader.TryReadHeader(data, 0, 1024, out _));

        Assert.Contains("above the limit of 1024 bytes", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void TryReadHeader_HeaderSplitAcrossSegments_ReadsIt()
    {
        var box = Concat(U32(1), "mdat"u8.ToArray(), U64(20), Zeros(4));
        var sequence = Segmented(box, 3, 9);

        Assert.True(Mp4BoxReader.TryReadHeader(sequence, 0, 1024, out var header));

        Assert.Equal(20, header.Size);
        Assert.Equal(16, header.HeaderSize);
    }

    [Fact]
    public void ReadChildren_SiblingBoxes_EnumeratesWithOffsets()
    {
        var payload = Concat(Box("mfhd", Zeros(8)), Box("traf", Box("tfhd", Zeros(8))));
        var types = new List<(string, long, int)>();

        foreach (var box in Mp4BoxReader.ReadChildren(payload, 100))
        {
            types.Add((box.Type.ToString(), box.Offset, box.Payload.Length));
        }

        Assert.Equal([("mfhd", 100L, 8), ("traf", 116L, 16)], types);
    }

    [Fact]
    public void ReadChildren_ChildOverrunsParent_ThrowsWithOffset()
    {
        var payload = Concat(Box("mfhd", Zeros(8)), U32(100), "traf"u8.ToArray(), Zeros(4));

        var ex = Assert.Throws<Mp4FormatException>(() => Drain(payload, 40));

        Assert.Equal(56, ex.Offset);
        Assert.Equal(Mp4BoxType.Traf, ex.BoxType);
        Assert.Contains("declares 100 bytes but only 12 remain", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ReadChildren_TrailingPartialHeader_Throws()
    {
        var payload = Concat(Box("mfhd", Zeros(8)), Zeros(3));

        var ex = Assert.Throws<Mp4FormatException>(() => Drain(payload, 0));

        Assert.Contains("Truncated box header at offset 16", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ReadChildren_TooDeep_Throws()
    {
        var ex = Assert.Throws<Mp4FormatException>(() => Mp4BoxReader.ReadChildren(Box("free"), 0, depth: 17));

        Assert.Contains("nested 17 deep", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Children_DeeplyNestedContainers_StopAtDepthLimit()
    {
        var box = Box("free");
        for (var i = 0; i < 20; i++)
        {
            box = Box("moov", box);
        }

        var ex = Assert.Throws<Mp4FormatException>(() => Recurse(box));

        Assert.Contains("above the limit of 16", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void BoxType_From_RoundTrips()
    {
        Assert.Equal(0x6D6F6F66u, Mp4BoxType.Moof.Value);
        Assert.Equal("moof", Mp4BoxType.Moof.ToString());
        Assert.Equal("a??b", new Mp4BoxType(0x61000A62).ToString());
        Assert.Throws<ArgumentException>(() => Mp4BoxType.From("abc"));
    }

    private static void Drain(byte[] payload, long offset)
    {
        foreach (var box in Mp4BoxReader.ReadChildren(payload, offset))
        {
            _ = box.Type;
        }
    }

    private static void Recurse(byte[] data)
    {
        foreach (var box in Mp4BoxReader.ReadChildren(data, 0, depth: 0))
        {
            RecurseBox(box);
        }
    }

    private static void RecurseBox(Mp4Box box)
    {
        if (box.Type == Mp4BoxType.Moov)
        {
            foreach (var child in box.Children())
            {
                RecurseBox(child);
            }
        }
    }

    private static ReadOnlySequence<byte> Segmented(byte[] data, params int[] cuts)
    {
        var first = new Chunk(data.AsMemory(0, cuts[0]));
        var last = first;
        var start = cuts[0];
        foreach (var cut in cuts.Skip(1).Append(data.Length))
        {
            last = last.Append(data.AsMemory(start, cut - start));
            start = cut;
        }

        return new ReadOnlySequence<byte>(first, 0, last, last.Memory.Length);
    }

    private sealed class Chunk : ReadOnlySequenceSegment<byte>
    {
        public Chunk(ReadOnlyMemory<byte> memory) => Memory = memory;

        public Chunk Append(ReadOnlyMemory<byte> memory)
        {
            var next = new Chunk(memory) { RunningIndex = RunningIndex + Memory.Length };
            Next = next;
            return next;
        }
    }
}
