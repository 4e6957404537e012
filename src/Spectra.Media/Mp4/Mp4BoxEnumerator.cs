namespace Spectra.Media.Mp4;

/// <summary>Enumerates sibling boxes packed back to back in a span (no allocation).</summary>
internal ref struct Mp4BoxEnumerator
{
    private readonly ReadOnlySpan<byte> _data;
    private readonly long _offset;
    private readonly int _depth;
    private int _position;

    internal Mp4BoxEnumerator(ReadOnlySpan<byte> data, long offset, int depth)
    {
        _data = data;
        _offset = offset;
        _depth = depth;
        _position = 0;
        Current = default;
    }

    public Mp4Box Current { get; private set; }

    public readonly Mp4BoxEnumerator GetEnumerator() => this;

    public bool MoveNext()
    {
        if (_position == _data.Length)
        {
            return false;
        }

        var remaining = _data[_position..];
        var absolute = _offset + _position;
        if (!Mp4BoxReader.TryReadHeader(remaining, absolute, long.MaxValue, out var header))
        {
            throw new Mp4FormatException($"Truncated box header at offset {absolute}: only {remaining.Length} bytes remain in the parent box.", absolute, null);
        }

        if (header.Size > remaining.Length)
        {
            throw new Mp4FormatException($"Box '{header.Type}' at offset {absolute} declares {header.Size} bytes but only {remaining.Length} remain in the parent box.", absolute, header.Type);
        }

        var size = (int)header.Size;
        Current = new Mp4Box(header, remaining[header.HeaderSize..size], absolute, _depth);
        _position += size;
        return true;
    }
}
