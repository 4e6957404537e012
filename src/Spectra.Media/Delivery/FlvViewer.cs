using System.Buffers;
using Spectra.Media.Delivery.Internal;
using Spectra.Media.Flv;

namespace Spectra.Media.Delivery;

/// <summary>
/// One subscriber of an <see cref="FlvFanOut"/>: a bounded queue of shared tags, filled by the publisher's
/// thread and drained by the viewer's own task (an HTTP response, a WebSocket, an RTMP play connection).
/// The publisher never waits for a viewer: a full queue is dropped and the viewer resumes at the next
/// keyframe; a viewer behind for too long, or that takes nothing for too long, is closed.
/// </summary>
public sealed class FlvViewer : IDisposable
{
    private readonly FlvFanOut _owner;
    private readonly FlvFanOutOptions _options;
    private readonly TimeProvider _time;
    private readonly Lock _lock = new();
    private readonly Queue<FlvViewerTag> _queue = new();
    private readonly CancellationTokenSource _closed = new();
    private TaskCompletionSource<bool>? _waiter;
    private long _queuedBytes;
    private long _baseTimestamp = -1;
    private long _lastProgress;
    private long _behindSince = -1;
    private long _lastOverflow;
    private bool _waitingForKeyframe;
    private bool _completed;
    private FlvViewerCloseReason _closeReason;
    private long _skippedTags;

    internal FlvViewer(FlvFanOut owner, FlvFanOutOptions options, TimeProvider time, bool hasAudio, bool hasVideo)
    {
        _owner = owner;
        _options = options;
        _time = time;
        HasAudio = hasAudio;
        HasVideo = hasVideo;
        _lastProgress = time.GetTimestamp();
    }

    /// <summary>The stream had (or announced) audio when the viewer joined: the FLV header's TypeFlagsAudio.</summary>
    internal bool HasAudio { get; }

    /// <summary>The stream had (or announced) video when the viewer joined: the FLV header's TypeFlagsVideo.</summary>
    internal bool HasVideo { get; }

    /// <summary>Cancelled when the fan-out closes the viewer for being too slow or stalled: abort the transport.</summary>
    public CancellationToken Closed => _closed.Token;

    public FlvViewerCloseReason CloseReason
    {
        get
        {
            lock (_lock)
            {
                return _closeReason;
            }
        }
    }

    /// <summary>Tag bytes waiting in the queue.</summary>
    internal long QueuedBytes => Interlocked.Read(ref _queuedBytes);

    /// <summary>Tags dropped or skipped because the viewer fell behind.</summary>
    public long SkippedTags => Interlocked.Read(ref _skippedTags);

    /// <summary>
    /// Waits until a tag can be read. False once the viewer is closed, or the stream has ended and every
    /// queued tag has been read.
    /// </summary>
    public ValueTask<bool> WaitToReadAsync(CancellationToken cancellationToken = default)
    {
        TaskCompletionSource<bool> waiter;
        lock (_lock)
        {
            if (_queue.Count > 0)
            {
                return ValueTask.FromResult(true);
            }

            if (_completed || _closeReason != FlvViewerCloseReason.None)
            {
                return ValueTask.FromResult(false);
            }

            waiter = _waiter ??= new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously);
        }

        return new ValueTask<bool>(cancellationToken.CanBeCanceled ? waiter.Task.WaitAsync(cancellationToken) : waiter.Task);
    }

    /// <summary>Takes the next tag; dispose it once written.</summary>
    public bool TryRead(out FlvViewerTag tag)
    {
        lock (_lock)
        {
            if (!_queue.TryDequeue(out tag))
            {
                return false;
            }

            _queuedBytes -= tag.Body.Length;
            _lastProgress = _time.GetTimestamp();
            return true;
        }
    }

    /// <summary>
    /// Writes queued tags as FLV into <paramref name="destination"/> until the queue is empty or about
    /// <paramref name="maxBytes"/> have been written (at least one tag). Returns the bytes written.
    /// </summary>
    public int WriteAvailable(IBufferWriter<byte> destination, int maxBytes)
    {
        ArgumentNullException.ThrowIfNull(destination);
        int written = 0;
        while (written < maxBytes && TryRead(out var tag))
        {
            using (tag)
            {
                int length = tag.WriteFlv(destination.GetSpan(tag.FlvLength));
                destination.Advance(length);
                written += length;
            }
        }

        return written;
    }

    /// <summary>Writes the FLV file header (E.2) and PreviousTagSize0 with this viewer's track flags.</summary>
    public void WriteFlvHeader(IBufferWriter<byte> destination) => FlvWriter.WriteHeader(destination, HasAudio, HasVideo);

    /// <summary>Leaves the fan-out and releases what is queued.</summary>
    public void Dispose()
    {
        _owner.Remove(this);
        Close(FlvViewerCloseReason.Disposed);
        _closed.Dispose();
    }

    /// <summary>Called with the fan-out's lock held, from the publisher's thread (or at subscribe).</summary>
    internal void Enqueue(FlvSharedTag tag, FlvSharedTag? videoConfiguration, FlvSharedTag? audioConfiguration, bool streamHasVideo)
    {
        bool close = false;
        FlvViewerCloseReason reason = FlvViewerCloseReason.None;
        lock (_lock)
        {
            if (_completed || _closeReason != FlvViewerCloseReason.None)
            {
                return;
            }

            long now = _time.GetTimestamp();
            if (_queue.Count > 0 && _time.GetElapsedTime(_lastProgress, now) > _options.StalledViewerTimeout)
            {
                close = true;
                reason = FlvViewerCloseReason.Stalled;
            }
            else if (_waitingForKeyframe && !tag.IsKeyframe && !tag.IsConfiguration)
            {
                _skippedTags++;
                return;
            }
            else if (_queue.Count + 1 > _options.MaxQueuedTags || _queuedBytes + tag.Length > _options.MaxQueuedBytes)
            {
                // Behind: drop the queue rather than grow. The decoder restarts at the next keyframe, with
                // the current configuration queued again in case the dropped tags carried it.
                _skippedTags += _queue.Count;
                ReleaseQueued();
                // Overflows less than SlowViewerTimeout apart are one episode of being behind; an episode
                // longer than SlowViewerTimeout closes the viewer.
                if (_behindSince < 0 || _time.GetElapsedTime(_lastOverflow, now) > _options.SlowViewerTimeout)
                {
                    _behindSince = now;
                }
                else if (_time.GetElapsedTime(_behindSince, now) > _options.SlowViewerTimeout)
                {
                    close = true;
                    reason = FlvViewerCloseReason.TooSlow;
                }

                _lastOverflow = now;

                if (!close)
                {
                    _waitingForKeyframe = streamHasVideo && !tag.IsKeyframe;
                    if (videoConfiguration is not null && videoConfiguration != tag)
                    {
                        Add(videoConfiguration);
                    }

                    if (audioConfiguration is not null && audioConfiguration != tag)
                    {
                        Add(audioConfiguration);
                    }

                    if (_waitingForKeyframe && !tag.IsConfiguration)
                    {
                        _skippedTags++;
                        Signal();
                        return;
                    }
                }
            }

            if (!close)
            {
                if (tag.IsKeyframe)
                {
                    _waitingForKeyframe = false;
                }

                Add(tag);
                Signal();
                return;
            }
        }

        Close(reason);
    }

    /// <summary>At subscribe, before any tag: nothing can be decoded before the next keyframe.</summary>
    internal void WaitForKeyframe()
    {
        lock (_lock)
        {
            _waitingForKeyframe = true;
        }
    }

    /// <summary>The stream ended: what is queued is still delivered, then the reader sees the end.</summary>
    internal void Complete()
    {
        lock (_lock)
        {
            if (_closeReason != FlvViewerCloseReason.None)
            {
                return;
            }

            _completed = true;
            _closeReason = FlvViewerCloseReason.StreamEnded;
            Signal();
        }
    }

    private void Close(FlvViewerCloseReason reason)
    {
        bool cancel;
        lock (_lock)
        {
            if (_closeReason != FlvViewerCloseReason.None && _closeReason != FlvViewerCloseReason.StreamEnded)
            {
                return;
            }

            _closeReason = reason;
            ReleaseQueued();
            Signal();
            cancel = reason is FlvViewerCloseReason.TooSlow or FlvViewerCloseReason.Stalled;
        }

        if (cancel)
        {
            _owner.Remove(this);
            _owner.OnViewerClosed(reason);
            try
            {
                _closed.Cancel();
            }
            catch (ObjectDisposedException)
            {
            }
        }
    }

    private void Add(FlvSharedTag tag)
    {
        uint timestamp = 0;
        if (!tag.IsConfiguration)
        {
            if (_baseTimestamp < 0)
            {
                _baseTimestamp = tag.TimestampMs;
            }

            timestamp = tag.TimestampMs >= _baseTimestamp ? (uint)(tag.TimestampMs - _baseTimestamp) : 0;
        }
        else if (_baseTimestamp >= 0 && tag.TimestampMs >= _baseTimestamp)
        {
            timestamp = (uint)(tag.TimestampMs - _baseTimestamp);
        }

        if (_queue.Count == 0)
        {
            _lastProgress = _time.GetTimestamp();
        }

        _queue.Enqueue(new FlvViewerTag(tag.AddReference(), timestamp));
        _queuedBytes += tag.Length;
    }

    private void ReleaseQueued()
    {
        while (_queue.TryDequeue(out var queued))
        {
            queued.Dispose();
        }

        _queuedBytes = 0;
    }

    private void Signal()
    {
        var waiter = _waiter;
        _waiter = null;
        waiter?.TrySetResult(true);
    }
}
