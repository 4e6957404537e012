using Spectra.Media.Flv;

namespace Spectra.Media.Restream.Internal;

/// <summary>
/// The tags waiting for one destination, bounded in bytes. Filled by the ingest thread, which never waits;
/// drained by the destination's sender. When full it drops everything queued (whole groups of pictures) and
/// takes nothing but audio until the next keyframe, so the destination's decoder never sees a broken GOP.
/// While the destination is not connected it keeps only the group of pictures since the latest keyframe,
/// so a (re)connect starts at a keyframe.
/// </summary>
internal sealed class RestreamQueue : IDisposable
{
    private readonly Lock _lock = new();
    private readonly Queue<RestreamTag> _tags = new();
    private readonly long _maxBytes;
    private TaskCompletionSource? _waiter;
    private long _bytes;
    private long _dropped;
    private bool _connected;
    private bool _hasVideo;
    private bool _waitingForKeyframe = true;
    private bool _completed;

    public RestreamQueue(long maxBytes) => _maxBytes = maxBytes;

    /// <summary>Tags dropped because the destination fell behind.</summary>
    public long DroppedTags => Interlocked.Read(ref _dropped);

    public long QueuedBytes
    {
        get
        {
            lock (_lock)
            {
                return _bytes;
            }
        }
    }

    /// <summary>Adds a media tag (audio or video, not a sequence header); the body is copied.</summary>
    public void Add(FlvTagType type, uint timestampMs, ReadOnlySpan<byte> body, bool isKeyframe)
    {
        lock (_lock)
        {
            if (_completed)
            {
                return;
            }

            if (type == FlvTagType.Video)
            {
                _hasVideo = true;
            }

            if (isKeyframe)
            {
                if (!_connected)
                {
                    // Nobody reads: only the latest GOP is worth keeping for the next connection.
                    Clear();
                }

                _waitingForKeyframe = false;
            }
            else if (_hasVideo && _waitingForKeyframe)
            {
                if (!_connected)
                {
                    return;
                }

                if (type == FlvTagType.Video)
                {
                    Interlocked.Increment(ref _dropped);
                    return;
                }
            }

            if (_bytes + body.Length > _maxBytes)
            {
                if (_connected)
                {
                    Interlocked.Add(ref _dropped, _tags.Count + (isKeyframe ? 0 : 1));
                }

                Clear();
                if (!isKeyframe)
                {
                    _waitingForKeyframe = _hasVideo;
                    return;
                }
            }

            _tags.Enqueue(RestreamTag.Copy(type, timestampMs, body, isKeyframe));
            _bytes += body.Length;
            var waiter = _waiter;
            _waiter = null;
            waiter?.TrySetResult();
        }
    }

    /// <summary>
    /// The sender has connected: from now on tags are kept for it. What is queued starts at a keyframe (or is
    /// audio only), since an unconnected queue keeps only the latest GOP.
    /// </summary>
    public void OnConnected()
    {
        lock (_lock)
        {
            _connected = true;
        }
    }

    /// <summary>The sender lost its connection: keep only the latest GOP until it is back.</summary>
    public void OnDisconnected()
    {
        lock (_lock)
        {
            _connected = false;
            Clear();
            _waitingForKeyframe = true;
        }
    }

    /// <summary>Takes queued tags into <paramref name="batch"/> (up to about <paramref name="maxBytes"/>); the caller releases them.</summary>
    public void TakeBatch(List<RestreamTag> batch, int maxBytes)
    {
        lock (_lock)
        {
            var taken = 0;
            while (taken < maxBytes && _tags.TryDequeue(out var tag))
            {
                _bytes -= tag.Length;
                taken += tag.Length;
                batch.Add(tag);
            }
        }
    }

    /// <summary>Completes when a tag is queued (or the queue is completed).</summary>
    public Task WaitAsync(CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            if (_tags.Count > 0 || _completed)
            {
                return Task.CompletedTask;
            }

            _waiter ??= new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            return _waiter.Task.WaitAsync(cancellationToken);
        }
    }

    /// <summary>No more tags: drops what is queued and wakes the sender.</summary>
    public void Dispose()
    {
        lock (_lock)
        {
            _completed = true;
            Clear();
            var waiter = _waiter;
            _waiter = null;
            waiter?.TrySetResult();
        }
    }

    private void Clear()
    {
        while (_tags.TryDequeue(out var tag))
        {
            tag.Release();
        }

        _bytes = 0;
    }
}
