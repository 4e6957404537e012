using System.Runtime.InteropServices;
using System.Text.Json;
using System.Threading.Channels;
using Microsoft.Extensions.Logging;
using Spectra.Media.Hls;
using Spectra.Media.Live;
using Spectra.Media.Packaging;
using Spectra.Media.Recording.Internal;
using Spectra.Storage;

namespace Spectra.Media.Recording;

/// <summary>
/// Records one live session: every rendition's init and media segments, exactly as the packager published
/// them (no second encode), appended to the object store while the stream runs, with a journal per
/// rendition that lists what is stored (see <see cref="RecordingKeys"/>). A crash loses at most the
/// segments still queued: what the journals list is complete and playable (<see cref="RecordingReader"/>).
/// </summary>
/// <remarks>
/// The packagers hand segments over without waiting (a queue bounded by <see cref="RecordingOptions.MaxPendingBytes"/>);
/// one writer stores them in order. When storage is slow, full or down, segments are dropped, counted and
/// the next stored one is marked as a discontinuity: the live stream and its viewers never notice.
/// Publisher reconnects and transcoder restarts stay in the same recording (the stream outlives them;
/// a new encoder generation gets its own init segment and a discontinuity).
/// </remarks>
public sealed partial class LiveRecorder : IAsyncDisposable
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);
    private readonly IObjectStore _store;
    private readonly RecordingOptions _options;
    private readonly ILogger _logger;
    private readonly TimeProvider _time;
    private readonly Channel<PendingWrite> _queue = Channel.CreateUnbounded<PendingWrite>(new UnboundedChannelOptions { SingleReader = true });
    private readonly CancellationTokenSource _abort = new();
    private readonly Lock _lock = new();
    private readonly RecordingManifest _manifest;
    private readonly List<RenditionRecorder> _renditions = [];
    private readonly Task _writer;
    private HlsStream? _attached;
    private long _pendingBytes;
    private long _segmentsStored;
    private long _bytesStored;
    private long _segmentsLost;
    private string? _lastError;
    private DateTimeOffset? _lastErrorAt;
    private bool _completed;
    private bool _manifestDirty;
    private Task? _completion;

    internal LiveRecorder(Guid recordingId, string channelName, IObjectStore store, RecordingOptions options, ILogger logger, TimeProvider time)
    {
        RecordingId = recordingId;
        ChannelName = channelName;
        _store = store;
        _options = options;
        _logger = logger;
        _time = time;
        _manifest = new RecordingManifest { StartedAt = time.GetUtcNow() };
        _writer = Task.Run(WriteLoopAsync);
    }

    public Guid RecordingId { get; }

    public string ChannelName { get; }

    /// <summary>Segments stored, bytes stored, segments lost and the last storage error: for the dashboard.</summary>
    public RecordingStatus Status
    {
        get
        {
            lock (_lock)
            {
                return new RecordingStatus(RecordingId, Interlocked.Read(ref _segmentsStored), Interlocked.Read(ref _bytesStored),
                    Interlocked.Read(ref _segmentsLost), _lastError, _lastErrorAt);
            }
        }
    }

    /// <summary>Starts recording the stream's renditions (now if it has them, else when it gets them).</summary>
    internal void Follow(LiveStream stream)
    {
        stream.RenditionsStarted += Attach;
        if (stream.HlsStream is { } hls)
        {
            Attach(hls);
        }
    }

    /// <summary>
    /// Stops taking segments, stores what is queued (bounded by <see cref="RecordingOptions.FlushTimeout"/>)
    /// and writes the journals' last state. Idempotent; call after the stream has stopped so its last
    /// segments are in.
    /// </summary>
    public Task CompleteAsync()
    {
        lock (_lock)
        {
            if (_completion is null)
            {
                _completed = true;
                foreach (var rendition in _renditions)
                {
                    rendition.Window.SegmentPublished -= rendition.Handler;
                }

                _queue.Writer.TryComplete();
                _completion = FinishAsync();
            }

            return _completion;
        }
    }

    public async ValueTask DisposeAsync() => await CompleteAsync().ConfigureAwait(false);

    internal void Attach(HlsStream hls)
    {
        lock (_lock)
        {
            if (_completed || _attached is not null)
            {
                return;
            }

            _attached = hls;
            foreach (var rendition in hls.Renditions)
            {
                var manifest = new RecordingManifestRendition
                {
                    Name = rendition.Info.Name,
                    Width = rendition.Info.Width,
                    Height = rendition.Info.Height,
                    FrameRate = rendition.Info.FrameRate,
                    Bandwidth = rendition.Info.BandwidthBitsPerSecond,
                    AverageBandwidth = rendition.Info.AverageBandwidthBitsPerSecond,
                };
                var recorder = new RenditionRecorder(rendition.Info, rendition.Window, manifest);
                recorder.Handler = (_, segment) => OnSegment(recorder, segment);
                _renditions.Add(recorder);
                _manifest.Renditions.Add(manifest);
            }

            _queue.Writer.TryWrite(PendingWrite.Manifest);
            foreach (var recorder in _renditions)
            {
                recorder.Window.SegmentPublished += recorder.Handler;

                // Segments published before this recorder attached are still in the window.
                foreach (var segment in recorder.Window.Snapshot.SegmentArray)
                {
                    Enqueue(recorder, segment);
                }
            }
        }

        Log.Started(_logger, ChannelName, RecordingId, hls.Renditions.Count);
    }

    private void OnSegment(RenditionRecorder rendition, CmafSegment segment)
    {
        lock (_lock)
        {
            if (!_completed)
            {
                Enqueue(rendition, segment);
            }
        }
    }

    /// <summary>Queues a segment once (caller holds the lock); drops it when too much is waiting for storage.</summary>
    private void Enqueue(RenditionRecorder rendition, CmafSegment segment)
    {
        if (segment.Sequence <= rendition.LastQueued)
        {
            return;
        }

        rendition.LastQueued = segment.Sequence;
        var length = segment.Data.Length + segment.Init.Data.Length;
        if (_pendingBytes + length > _options.MaxPendingBytes)
        {
            rendition.DroppedSinceQueued = true;
            Interlocked.Increment(ref _segmentsLost);
            SetError("storage is too slow: segments waiting exceed Recording:MaxPendingBytes");
            Log.SegmentDropped(_logger, ChannelName, RecordingId, rendition.Info.Name, segment.Sequence);
            return;
        }

        _pendingBytes += length;
        _queue.Writer.TryWrite(new PendingWrite(rendition, segment, rendition.DroppedSinceQueued, length));
        rendition.DroppedSinceQueued = false;
    }

    private async Task WriteLoopAsync()
    {
        await foreach (var write in _queue.Reader.ReadAllAsync().ConfigureAwait(false))
        {
            try
            {
                if (write.Rendition is null)
                {
                    await WriteManifestAsync().ConfigureAwait(false);
                }
                else
                {
                    await StoreAsync(write.Rendition, write.Segment!, write.GapBefore).ConfigureAwait(false);
                }
            }
            catch (OperationCanceledException) when (_abort.IsCancellationRequested)
            {
                // Flush took too long: the rest is lost, the journals say what was stored.
            }
            finally
            {
                lock (_lock)
                {
                    _pendingBytes -= write.Length;
                }
            }
        }
    }

    private async Task StoreAsync(RenditionRecorder rendition, CmafSegment segment, bool gapBefore)
    {
        var name = rendition.Info.Name;
        rendition.GapPending |= gapBefore;
        try
        {
            var init = segment.Init;
            if (!rendition.StoredInits.Contains(init.Key))
            {
                await WriteBytesAsync(RecordingKeys.Init(RecordingId, name, init.Key), init.Data).ConfigureAwait(false);
                rendition.StoredInits.Add(init.Key);
                lock (_lock)
                {
                    rendition.Manifest.Inits[init.Key] = init.Codecs;
                }

                await WriteManifestAsync().ConfigureAwait(false);
            }

            await WriteBytesAsync(RecordingKeys.Segment(RecordingId, name, segment.Sequence), segment.Data).ConfigureAwait(false);
        }
        catch (Exception ex) when (IsStorageFailure(ex))
        {
            rendition.GapPending = true;
            Interlocked.Increment(ref _segmentsLost);
            SetError(ex.Message);
            Log.SegmentNotStored(_logger, ChannelName, RecordingId, name, segment.Sequence, ex);
            return;
        }

        var discontinuity = rendition.StoredCount > 0
            && (rendition.GapPending || segment.IsDiscontinuity || rendition.LastInitKey != segment.Init.Key);
        rendition.GapPending = false;
        rendition.LastInitKey = segment.Init.Key;
        rendition.StoredCount++;
        rendition.Chunk.Add(new RecordedSegment(segment.Sequence, segment.Init.Key, segment.Duration.TotalSeconds, discontinuity,
            segment.ProgramDateTime.ToUnixTimeMilliseconds(), segment.Data.Length));
        Interlocked.Increment(ref _segmentsStored);
        Interlocked.Add(ref _bytesStored, segment.Data.Length);
        await WriteJournalAsync(rendition).ConfigureAwait(false);
    }

    /// <summary>Rewrites the rendition's open journal chunk; seals it when full. A failure leaves it for the next segment.</summary>
    private async Task<bool> WriteJournalAsync(RenditionRecorder rendition)
    {
        try
        {
            var bytes = JsonSerializer.SerializeToUtf8Bytes(rendition.Chunk, Json);
            await WriteBytesAsync(RecordingKeys.Journal(RecordingId, rendition.Info.Name, rendition.ChunkIndex), bytes).ConfigureAwait(false);
        }
        catch (Exception ex) when (IsStorageFailure(ex))
        {
            SetError(ex.Message);
            Log.JournalNotStored(_logger, ChannelName, RecordingId, rendition.Info.Name, ex);
            return false;
        }

        if (rendition.Chunk.Count >= RecordingKeys.JournalChunkSize)
        {
            rendition.ChunkIndex++;
            rendition.Chunk.Clear();
        }

        return true;
    }

    private async Task WriteManifestAsync()
    {
        byte[] bytes;
        lock (_lock)
        {
            bytes = JsonSerializer.SerializeToUtf8Bytes(_manifest, Json);
        }

        try
        {
            await WriteBytesAsync(RecordingKeys.Manifest(RecordingId), bytes).ConfigureAwait(false);
            _manifestDirty = false;
        }
        catch (Exception ex) when (IsStorageFailure(ex))
        {
            _manifestDirty = true;
            SetError(ex.Message);
            Log.JournalNotStored(_logger, ChannelName, RecordingId, "recording.json", ex);
        }
    }

    private async Task WriteBytesAsync(string key, ReadOnlyMemory<byte> bytes)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(_abort.Token);
        timeout.CancelAfter(_options.WriteTimeout);
        await using var content = MemoryMarshal.TryGetArray(bytes, out var array)
            ? new MemoryStream(array.Array!, array.Offset, array.Count, writable: false)
            : new MemoryStream(bytes.ToArray(), writable: false);
        try
        {
            await _store.WriteAsync(key, content, timeout.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (!_abort.IsCancellationRequested)
        {
            throw new ObjectStoreException($"Writing {key} took longer than {_options.WriteTimeout.TotalSeconds:0} s.");
        }
    }

    private async Task FinishAsync()
    {
        try
        {
            await _writer.WaitAsync(_options.FlushTimeout, _time).ConfigureAwait(false);
        }
        catch (TimeoutException)
        {
            Log.FlushTimedOut(_logger, ChannelName, RecordingId, _options.FlushTimeout.TotalSeconds);
            await _abort.CancelAsync().ConfigureAwait(false);
            await _writer.ConfigureAwait(false);
        }

        // The writer has stopped: retry what it could not store (the last journal chunks, the manifest).
        if (_manifestDirty && !_abort.IsCancellationRequested)
        {
            await WriteManifestAsync().ConfigureAwait(false);
        }

        foreach (var rendition in _renditions)
        {
            if (rendition.Chunk.Count > 0 && !_abort.IsCancellationRequested)
            {
                await WriteJournalAsync(rendition).ConfigureAwait(false);
            }
        }

        var status = Status;
        Log.Completed(_logger, ChannelName, RecordingId, status.SegmentsStored, status.BytesStored, status.SegmentsLost);
        _abort.Dispose();
    }

    private void SetError(string message)
    {
        lock (_lock)
        {
            _lastError = message;
            _lastErrorAt = _time.GetUtcNow();
        }
    }

    private static bool IsStorageFailure(Exception ex) => ex is ObjectStoreException or IOException or UnauthorizedAccessException or TimeoutException;

    private sealed record PendingWrite(RenditionRecorder? Rendition, CmafSegment? Segment, bool GapBefore, long Length)
    {
        public static PendingWrite Manifest { get; } = new(null, null, false, 0);
    }
}
