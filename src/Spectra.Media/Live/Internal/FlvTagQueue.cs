using System.Threading.Channels;
using Spectra.Media.Flv;

namespace Spectra.Media.Live.Internal;

/// <summary>
/// Bounded queue of complete FLV tags from the publisher's thread to the transcoder's stdin writer.
/// Enqueueing never blocks: when the byte or tag limit is reached the tag is dropped, and after a
/// dropped video tag every non-keyframe video tag is dropped until the next keyframe (a decoder
/// cannot use frames whose references are missing). Sequence headers are never skipped for that.
/// One producer at a time (the caller serializes), one consumer.
/// </summary>
internal sealed class FlvTagQueue
{
    private readonly Channel<FlvTagBuffer> _channel = Channel.CreateUnbounded<FlvTagBuffer>(
        new UnboundedChannelOptions { SingleReader = true, SingleWriter = false, AllowSynchronousContinuations = false });

    private readonly long _maxBytes;
    private readonly int _maxTags;
    private long _bytes;
    private int _tags;
    private long _dropped;
    private bool _waitingForKeyframe;

    public FlvTagQueue(long maxBytes, int maxTags)
    {
        _maxBytes = maxBytes;
        _maxTags = maxTags;
    }

    public long QueuedBytes => Interlocked.Read(ref _bytes);

    public long DroppedTags => Interlocked.Read(ref _dropped);

    /// <returns>True when queued; false when dropped (counted in <see cref="DroppedTags"/>) or completed.</returns>
    public bool TryEnqueue(FlvTagType type, uint timestampMs, ReadOnlySpan<byte> body)
    {
        bool isVideo = type == FlvTagType.Video;
        bool keyframe = false;
        bool sequenceHeader = false;
        if (isVideo && FlvVideoTagHeader.TryParse(body, out var header))
        {
            sequenceHeader = header.IsSequenceHeader;
            keyframe = header.FrameType == FlvVideoFrameType.Keyframe && !sequenceHeader;
        }

        if (isVideo && _waitingForKeyframe && !keyframe && !sequenceHeader)
        {
            Interlocked.Increment(ref _dropped);
            return false;
        }

        int length = FlvWriter.GetTagLength(body.Length);
        if (Interlocked.Read(ref _bytes) + length > _maxBytes || Volatile.Read(ref _tags) >= _maxTags)
        {
            if (isVideo && !sequenceHeader)
            {
                _waitingForKeyframe = true;
            }

            Interlocked.Increment(ref _dropped);
            return false;
        }

        if (keyframe)
        {
            _waitingForKeyframe = false;
        }

        var tag = FlvTagBuffer.Create(type, timestampMs, body);
        Interlocked.Add(ref _bytes, tag.Length);
        Interlocked.Increment(ref _tags);
        if (!_channel.Writer.TryWrite(tag))
        {
            Release(tag);
            return false;
        }

        return true;
    }

    /// <summary>Next tag, or null once <see cref="Complete"/> was called and the queue is empty. The caller disposes the tag.</summary>
    public async ValueTask<FlvTagBuffer?> DequeueAsync(CancellationToken cancellationToken)
    {
        while (await _channel.Reader.WaitToReadAsync(cancellationToken).ConfigureAwait(false))
        {
            if (_channel.Reader.TryRead(out var tag))
            {
                Interlocked.Add(ref _bytes, -tag.Length);
                Interlocked.Decrement(ref _tags);
                return tag;
            }
        }

        return null;
    }

    public void Complete() => _channel.Writer.TryComplete();

    /// <summary>Returns the buffers of tags nobody will read.</summary>
    public void DisposeRemaining()
    {
        while (_channel.Reader.TryRead(out var tag))
        {
            Release(tag);
        }
    }

    private void Release(FlvTagBuffer tag)
    {
        Interlocked.Add(ref _bytes, -tag.Length);
        Interlocked.Decrement(ref _tags);
        tag.Dispose();
    }
}
