using System.Buffers;
using Spectra.Media.Flv;

namespace Spectra.Media.Restream.Internal;

/// <summary>One queued tag: its body in a pooled buffer, returned with <see cref="Release"/> once sent or dropped.</summary>
internal readonly struct RestreamTag
{
    private readonly byte[] _buffer;

    private RestreamTag(FlvTagType type, uint timestampMs, byte[] buffer, int length, bool isKeyframe)
    {
        Type = type;
        TimestampMs = timestampMs;
        _buffer = buffer;
        Length = length;
        IsKeyframe = isKeyframe;
    }

    public FlvTagType Type { get; }

    public uint TimestampMs { get; }

    public int Length { get; }

    /// <summary>A video keyframe (not a sequence header).</summary>
    public bool IsKeyframe { get; }

    public ReadOnlySpan<byte> Body => _buffer.AsSpan(0, Length);

    public static RestreamTag Copy(FlvTagType type, uint timestampMs, ReadOnlySpan<byte> body, bool isKeyframe)
    {
        var buffer = ArrayPool<byte>.Shared.Rent(Math.Max(1, body.Length));
        body.CopyTo(buffer);
        return new RestreamTag(type, timestampMs, buffer, body.Length, isKeyframe);
    }

    public void Release() => ArrayPool<byte>.Shared.Return(_buffer);
}
