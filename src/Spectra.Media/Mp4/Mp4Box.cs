namespace Spectra.Media.Mp4;

/// <summary>One box found in a buffer: its header, payload and absolute offset.</summary>
internal readonly ref struct Mp4Box
{
    public Mp4Box(Mp4BoxHeader header, ReadOnlySpan<byte> payload, long offset, int depth)
    {
        Header = header;
        Payload = payload;
        Offset = offset;
        Depth = depth;
    }

    public Mp4BoxHeader Header { get; }

    public Mp4BoxType Type => Header.Type;

    /// <summary>Bytes after the box header.</summary>
    public ReadOnlySpan<byte> Payload { get; }

    /// <summary>Absolute offset of the box's first header byte.</summary>
    public long Offset { get; }

    /// <summary>Absolute offset of the payload's first byte.</summary>
    public long PayloadOffset => Offset + Header.HeaderSize;

    /// <summary>Nesting depth; top-level boxes are 0.</summary>
    public int Depth { get; }

    /// <summary>Children of a plain container box (moov, trak, mdia, minf, stbl, mvex, moof, traf).</summary>
    public Mp4BoxEnumerator Children(int maxDepth = Mp4BoxReader.DefaultMaxDepth) =>
        Mp4BoxReader.ReadChildren(Payload, PayloadOffset, Depth + 1, maxDepth);
}
