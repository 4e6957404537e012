using System.Buffers;

namespace Spectra.Media.Packaging.Internal;

/// <summary>
/// A growable byte buffer over <see cref="ArrayPool{T}"/> that accumulates the fragments of the
/// segment being built. The array is reused across segments of a run and returned on dispose.
/// </summary>
internal sealed class SegmentBuffer : IDisposable
{
    private readonly int _maxSize;
    private byte[] _array;
    private int _length;

    public SegmentBuffer(int initialSize, int maxSize)
    {
        _maxSize = maxSize;
        _array = ArrayPool<byte>.Shared.Rent(initialSize);
    }

    public int Length => _length;

    public ReadOnlySpan<byte> WrittenSpan => _array.AsSpan(0, _length);

    /// <summary>False (nothing written) when the data would take the buffer past its limit.</summary>
    public bool TryAppend(in ReadOnlySequence<byte> data)
    {
        if (data.Length > _maxSize - _length)
        {
            return false;
        }

        var needed = _length + (int)data.Length;
        if (needed > _array.Length)
        {
            var bigger = ArrayPool<byte>.Shared.Rent(Math.Max(needed, (int)Math.Min((long)_array.Length * 2, _maxSize)));
            _array.AsSpan(0, _length).CopyTo(bigger);
            ArrayPool<byte>.Shared.Return(_array);
            _array = bigger;
        }

        data.CopyTo(_array.AsSpan(_length));
        _length = needed;
        return true;
    }

    /// <summary>Copies the first <paramref name="length"/> bytes into an exact-sized array and empties the buffer.</summary>
    public byte[] Detach(int length)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThan(length, _length);
        var result = _array.AsSpan(0, length).ToArray();
        _length = 0;
        return result;
    }

    /// <summary>Copies bytes [<paramref name="start"/>, <see cref="Length"/>) into an exact-sized array.</summary>
    public byte[] CopyFrom(int start) => _array.AsSpan(start, _length - start).ToArray();

    public void Clear() => _length = 0;

    public void Dispose()
    {
        var array = _array;
        _array = [];
        _length = 0;
        if (array.Length > 0)
        {
            ArrayPool<byte>.Shared.Return(array);
        }
    }
}
