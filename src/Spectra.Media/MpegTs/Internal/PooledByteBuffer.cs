using System.Buffers;

namespace Spectra.Media.MpegTs.Internal;

/// <summary>A growable byte buffer on <see cref="ArrayPool{T}.Shared"/>; capacity only grows, so steady state allocates nothing.</summary>
internal sealed class PooledByteBuffer : IDisposable
{
    private byte[] _array;

    public PooledByteBuffer(int initialCapacity) => _array = ArrayPool<byte>.Shared.Rent(initialCapacity);

    public int Length { get; private set; }

    public ReadOnlySpan<byte> Span => _array.AsSpan(0, Length);

    public void Clear() => Length = 0;

    public void Append(ReadOnlySpan<byte> data)
    {
        EnsureCapacity(Length + data.Length);
        data.CopyTo(_array.AsSpan(Length));
        Length += data.Length;
    }

    /// <summary>A writable span of exactly <paramref name="length"/> bytes at the start of the buffer; the content becomes those bytes.</summary>
    public Span<byte> Reset(int length)
    {
        Length = 0;
        EnsureCapacity(length);
        Length = length;
        return _array.AsSpan(0, length);
    }

    public void Dispose()
    {
        var array = _array;
        _array = [];
        Length = 0;
        if (array.Length > 0)
        {
            ArrayPool<byte>.Shared.Return(array);
        }
    }

    private void EnsureCapacity(int capacity)
    {
        if (capacity <= _array.Length)
        {
            return;
        }

        var bigger = ArrayPool<byte>.Shared.Rent(Math.Max(capacity, _array.Length * 2));
        _array.AsSpan(0, Length).CopyTo(bigger);
        if (_array.Length > 0)
        {
            ArrayPool<byte>.Shared.Return(_array);
        }

        _array = bigger;
    }
}
