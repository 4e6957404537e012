using System.Diagnostics.CodeAnalysis;
using Spectra.Media.Mp4;

namespace Spectra.Media.Packaging;

/// <summary>
/// The in-memory window of the last N segments of one rendition. One writer (the packager), any
/// number of readers: readers take <see cref="Snapshot"/> (one volatile read, no lock, no copy);
/// the writer publishes a new immutable snapshot per change.
/// </summary>
/// <remarks>
/// Segment bytes are exact-sized arrays that are never reused: a reader that is still sending an
/// expired segment keeps it alive and the GC frees it afterwards, so no reference counting is
/// needed on the serving path. At one segment per second per rendition the allocation rate is
/// the stream's bit rate, which the large object heap handles without pressure.
/// </remarks>
internal sealed partial class LiveWindow
{
    private readonly Lock _writeLock = new();
    private LiveWindowSnapshot _snapshot;
    private TaskCompletionSource _changed = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _generation;
    private int _waiters;

    /// <summary>A window of 12 segments whose first sequence number is the current Unix time in ms.</summary>
    public LiveWindow()
        : this(12)
    {
    }

    /// <summary>A window with the given capacity; sequence numbers start at the current Unix time in ms.</summary>
    public LiveWindow(int capacity)
        : this(capacity, DateTimeOffset.UtcNow.ToUnixTimeMilliseconds())
    {
    }

    /// <summary>A window sized by <see cref="PackagerOptions.WindowSegmentCount"/>.</summary>
    public LiveWindow(PackagerOptions options)
        : this((options ?? throw new ArgumentNullException(nameof(options))).WindowSegmentCount)
    {
    }

    /// <summary>Creates a window.</summary>
    /// <param name="capacity">Segments kept (3–1000).</param>
    /// <param name="firstMediaSequence">
    /// Sequence number of the first segment (≥ 0). The default, the Unix time in milliseconds,
    /// makes segment URLs unique across live sessions of a channel (a session never produces
    /// more than one segment per millisecond), which is what lets the origin mark them immutable.
    /// </param>
    public LiveWindow(int capacity, long firstMediaSequence)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(capacity, 3);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(capacity, 1000);
        ArgumentOutOfRangeException.ThrowIfNegative(firstMediaSequence);
        Capacity = capacity;
        _snapshot = new LiveWindowSnapshot([], firstMediaSequence, 0, null, TimeSpan.Zero, 0);
    }

    /// <summary>Raised after each segment is added (the first one means "first segment ready").</summary>
    public event Action<LiveWindow>? SegmentAdded;

    /// <summary>Raised after each segment is added, with the segment: for recorders, which must not miss one.</summary>
    public event Action<LiveWindow, CmafSegment>? SegmentPublished;

    /// <summary>Raised when a handler of <see cref="SegmentAdded"/> or <see cref="SegmentPublished"/> throws; the window carries on.</summary>
    public event Action<LiveWindow, Exception>? HandlerFailed;

    /// <summary>Segments kept.</summary>
    public int Capacity { get; }

    /// <summary>The current immutable view.</summary>
    public LiveWindowSnapshot Snapshot => Volatile.Read(ref _snapshot);

    public int SegmentCount => Snapshot.SegmentArray.Length;

    public CmafInitSegment? CurrentInit => Snapshot.CurrentInit;

    public CmafSegment? LatestSegment => Snapshot.Latest;

    /// <summary>Number of generations started (packager runs that produced an init segment).</summary>
    public int Generation => Volatile.Read(ref _generation);

    public bool TryGetSegment(long sequence, [NotNullWhen(true)] out CmafSegment? segment)
    {
        segment = Snapshot.Find(sequence);
        return segment is not null;
    }

    /// <summary>
    /// Completes when a segment with sequence number ≥ <paramref name="sequence"/> is in the
    /// window, or when the window has ended and none will come (check <see cref="LiveWindowSnapshot.Ended"/>);
    /// the basis of LL-HLS blocking playlist reload. Cancel to bound the wait.
    /// </summary>
    public async Task WaitForSequenceAsync(long sequence, CancellationToken cancellationToken)
    {
        while (true)
        {
            var changed = Volatile.Read(ref _changed).Task;
            var snapshot = Snapshot;
            var latest = snapshot.Latest;
            if ((latest is not null && latest.Sequence >= sequence) || snapshot.Ended)
            {
                return;
            }

            await changed.WaitAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>
    /// Marks the window ended (the stream is over): its segments stay readable and playlists end with
    /// EXT-X-ENDLIST, so players play out what they have instead of polling a playlist that will not grow.
    /// Wakes every <see cref="WaitForSequenceAsync"/> waiter. Idempotent.
    /// </summary>
    public void End()
    {
        lock (_writeLock)
        {
            var current = _snapshot;
            if (!current.Ended)
            {
                Publish(new LiveWindowSnapshot(current.SegmentArray, current.NextSequence, current.DiscontinuitySequence, current.CurrentInit, current.MaxSegmentDuration, current.Version + 1, ended: true, current.OpenPartArray, current.MaxPartDuration));
            }
        }
    }

    internal CmafInitSegment BeginGeneration(byte[] data, Mp4MovieInfo movie)
    {
        lock (_writeLock)
        {
            var current = _snapshot;
            var generation = Interlocked.Increment(ref _generation);
            var init = new CmafInitSegment(generation, current.NextSequence, data, movie);
            Publish(new LiveWindowSnapshot(current.SegmentArray, current.NextSequence, current.DiscontinuitySequence, init, current.MaxSegmentDuration, current.Version + 1, ended: false, current.OpenPartArray, current.MaxPartDuration));
            return init;
        }
    }

    /// <summary>Adds a segment (sequence = NextSequence) and evicts the oldest beyond capacity.</summary>
    internal CmafSegment Append(
        CmafInitSegment init,
        ulong decodeTime,
        uint timescale,
        ulong durationTicks,
        DateTimeOffset programDateTime,
        byte[] data,
        CmafFragment[] fragments)
    {
        CmafSegment segment;
        lock (_writeLock)
        {
            var current = _snapshot;
            var previous = current.Latest;
            var isDiscontinuity = previous is not null
                ? !ReferenceEquals(previous.Init, init)
                : init.Generation > 1;
            segment = new CmafSegment(current.NextSequence, init, isDiscontinuity, decodeTime, timescale, durationTicks, programDateTime, data, fragments);
            var old = current.SegmentArray;
            var keep = Math.Min(old.Length, Capacity - 1);
            var evicted = old.Length - keep;
            var discontinuitySequence = current.DiscontinuitySequence;
            for (var i = 0; i < evicted; i++)
            {
                if (old[i].IsDiscontinuity)
                {
                    discontinuitySequence++;
                }
            }

            var segments = new CmafSegment[keep + 1];
            Array.Copy(old, evicted, segments, 0, keep);
            segments[keep] = segment;
            var max = segment.Duration > current.MaxSegmentDuration ? segment.Duration : current.MaxSegmentDuration;
            var maxPart = current.MaxPartDuration;
            foreach (var fragment in fragments)
            {
                maxPart = fragment.Duration > maxPart ? fragment.Duration : maxPart;
            }

            Publish(new LiveWindowSnapshot(segments, segment.Sequence + 1, discontinuitySequence, current.CurrentInit, max, current.Version + 1, ended: false, openParts: null, maxPart));
        }

        Raise(segment);
        return segment;
    }

    /// <summary>
    /// Publishes the next part of the open segment (sequence <see cref="LiveWindowSnapshot.NextSequence"/>)
    /// as soon as its fragment is complete, before the segment is: the LL-HLS part of RFC 8216bis §4.4.4.9.
    /// <paramref name="data"/> is kept, never reused. The segment later appended with <see cref="Append"/>
    /// must hold these fragments first, byte for byte.
    /// </summary>
    internal CmafPart AppendPart(byte[] data, TimeSpan duration, bool isIndependent)
    {
        lock (_writeLock)
        {
            var current = _snapshot;
            var old = current.OpenPartArray;
            var part = new CmafPart(current.NextSequence, old.Length, data, duration, isIndependent);
            var parts = new CmafPart[old.Length + 1];
            Array.Copy(old, parts, old.Length);
            parts[^1] = part;
            var maxPart = duration > current.MaxPartDuration ? duration : current.MaxPartDuration;
            Publish(new LiveWindowSnapshot(current.SegmentArray, current.NextSequence, current.DiscontinuitySequence, current.CurrentInit, current.MaxSegmentDuration, current.Version + 1, current.Ended, parts, maxPart));
            return part;
        }
    }

    /// <summary>
    /// Completes when <see cref="LiveWindowSnapshot.Satisfies"/>(<paramref name="sequence"/>, <paramref name="part"/>)
    /// or the window has ended; returns the snapshot that did. One shared completion source per window
    /// (swapped on every publish) wakes every waiter: no timer or task per waiter beyond its own await.
    /// </summary>
    public async Task<LiveWindowSnapshot> WaitForPartAsync(long sequence, int part, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _waiters);
        try
        {
            while (true)
            {
                var changed = Volatile.Read(ref _changed).Task;
                var snapshot = Snapshot;
                if (snapshot.Ended || snapshot.Satisfies(sequence, part))
                {
                    return snapshot;
                }

                await changed.WaitAsync(cancellationToken).ConfigureAwait(false);
            }
        }
        finally
        {
            Interlocked.Decrement(ref _waiters);
        }
    }

    /// <summary>Callers inside <see cref="WaitForPartAsync"/> right now (held blocking requests).</summary>
    public int Waiters => Volatile.Read(ref _waiters);

    private void Publish(LiveWindowSnapshot snapshot)
    {
        Volatile.Write(ref _snapshot, snapshot);
        var changed = Interlocked.Exchange(ref _changed, new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously));
        changed.TrySetResult();
    }

    private void Raise(CmafSegment segment)
    {
        try
        {
            SegmentPublished?.Invoke(this, segment);
        }
        catch (Exception ex)
        {
            HandlerFailed?.Invoke(this, ex);
        }

        try
        {
            SegmentAdded?.Invoke(this);
        }
        catch (Exception ex)
        {
            HandlerFailed?.Invoke(this, ex);
        }
    }
}
