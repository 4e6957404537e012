using System.Buffers;

namespace Spectra.Media.Flv;

/// <summary>
/// One complete FLV tag (header, body, PreviousTagSize) in a buffer rented from
/// <see cref="ArrayPool{T}.Shared"/>. Queued between the publisher's thread and the transcoder's
/// stdin; <see cref="Dispose"/> returns the buffer exactly once.
/// </summary>
internal sealed class FlvTagBuffer : IDisposable
{
    private byte[]? _buffer;

    private FlvTagBuffer(byte[] buffer, int length, FlvTagType type, uint timestampMs, FlvVideoFrameType frameType, bool isSequenceHeader)
    {
        _buffer = buffer;
        Length = length;
        Type = type;
        TimestampMs = timestampMs;
        VideoFrameType = frameType;
        IsSequenceHeader = isSequenceHeader;
    }

    public FlvTagType Type { get; }

    public uint TimestampMs { get; }

    /// <summary>Frame type of a video tag (E.4.3.1); <see cref="FlvVideoFrameType.None"/> for audio.</summary>
    public FlvVideoFrameType VideoFrameType { get; }

    /// <summary>AVC/HEVC decoder configuration or AAC AudioSpecificConfig rather than media.</summary>
    public bool IsSequenceHeader { get; }

    public bool IsVideoKeyframe => Type == FlvTagType.Video && VideoFrameType == FlvVideoFrameType.Keyframe && !IsSequenceHeader;

    /// <summary>Total bytes: 11-byte tag header + body + 4-byte PreviousTagSize.</summary>
    public int Length { get; }

    public ReadOnlyMemory<byte> Memory => _buffer is { } buffer
        ? buffer.AsMemory(0, Length)
        : throw new ObjectDisposedException(nameof(FlvTagBuffer));

    /// <summary>Builds the complete tag from the body the publisher sent (an AUDIODATA or VIDEODATA body).</summary>
    public static FlvTagBuffer Create(FlvTagType type, uint timestampMs, ReadOnlySpan<byte> body)
    {
        FlvVideoFrameType frameType = FlvVideoFrameType.None;
        bool sequenceHeader = false;
        if (type == FlvTagType.Video && FlvVideoTagHeader.TryParse(body, out var video))
        {
            frameType = video.FrameType;
            sequenceHeader = video.IsSequenceHeader;
        }
        else if (type == FlvTagType.Audio && FlvAudioTagHeader.TryParse(body, out var audio))
        {
            sequenceHeader = audio.IsSequenceHeader;
        }

        int length = FlvWriter.GetTagLength(body.Length);
        byte[] buffer = ArrayPool<byte>.Shared.Rent(length);
        FlvWriter.WriteTag(buffer, type, timestampMs, body);
        return new FlvTagBuffer(buffer, length, type, timestampMs, frameType, sequenceHeader);
    }

    /// <summary>The same tag bytes with another timestamp (used to re-send cached sequence headers).</summary>
    public FlvTagBuffer WithTimestamp(uint timestampMs)
    {
        ReadOnlySpan<byte> tag = Memory.Span;
        ReadOnlySpan<byte> body = tag.Slice(FlvWriter.TagHeaderLength, Length - FlvWriter.TagHeaderLength - 4);
        return Create(Type, timestampMs, body);
    }

    public void Dispose()
    {
        byte[]? buffer = Interlocked.Exchange(ref _buffer, null);
        if (buffer is not null)
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }
}
