using System.Buffers;
using Spectra.Media.Flv;

namespace Spectra.Media.Delivery.Internal;

/// <summary>
/// One source tag body in a pooled buffer, shared by every viewer that queues it (reference counted):
/// a tag is copied once however many viewers there are. The last <see cref="Release"/> returns the buffer.
/// </summary>
internal sealed class FlvSharedTag
{
    private byte[]? _buffer;
    private int _references = 1;

    private FlvSharedTag(byte[] buffer, int length, FlvTagType type, uint timestampMs, bool isKeyframe, bool isConfiguration)
    {
        _buffer = buffer;
        Length = length;
        Type = type;
        TimestampMs = timestampMs;
        IsKeyframe = isKeyframe;
        IsConfiguration = isConfiguration;
    }

    public FlvTagType Type { get; }

    /// <summary>Source timestamp in milliseconds.</summary>
    public uint TimestampMs { get; }

    /// <summary>A video keyframe (not a sequence header): a decoder can start here.</summary>
    public bool IsKeyframe { get; }

    /// <summary>Metadata or a sequence header (AVC decoder configuration, AAC AudioSpecificConfig).</summary>
    public bool IsConfiguration { get; }

    /// <summary>Body length in bytes.</summary>
    public int Length { get; }

    public ReadOnlyMemory<byte> Body => Volatile.Read(ref _buffer) is { } buffer
        ? buffer.AsMemory(0, Length)
        : throw new ObjectDisposedException(nameof(FlvSharedTag));

    /// <summary>Copies <paramref name="body"/> into a pooled buffer; the caller holds the first reference.</summary>
    public static FlvSharedTag Create(FlvTagType type, uint timestampMs, ReadOnlySpan<byte> body, bool isKeyframe, bool isConfiguration)
    {
        byte[] buffer = ArrayPool<byte>.Shared.Rent(Math.Max(body.Length, 1));
        body.CopyTo(buffer);
        return new FlvSharedTag(buffer, body.Length, type, timestampMs, isKeyframe, isConfiguration);
    }

    public FlvSharedTag AddReference()
    {
        Interlocked.Increment(ref _references);
        return this;
    }

    public void Release()
    {
        int left = Interlocked.Decrement(ref _references);
        if (left == 0 && Interlocked.Exchange(ref _buffer, null) is { } buffer)
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }
}
