using System.Collections.Concurrent;

namespace Spectra.Rtmp.Tests.Infrastructure;

/// <summary>An <see cref="IRtmpMediaSink"/> that records what it receives (payload heads only, to stay small).</summary>
public sealed class RecordingSink : IRtmpMediaSink
{
    private readonly TaskCompletionSource<RtmpUnpublishReason> _unpublished = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource _firstVideo = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _unpublishCalls;
    private long _mediaCount;

    public RecordingSink(RtmpPublishRequest request)
    {
        Request = request;
    }

    public RtmpPublishRequest Request { get; }

    public ConcurrentQueue<IReadOnlyDictionary<string, object?>> Metadata { get; } = new();

    public ConcurrentQueue<MediaRecord> Media { get; } = new();

    public long MediaCount => Interlocked.Read(ref _mediaCount);

    public int UnpublishCalls => Volatile.Read(ref _unpublishCalls);

    public Task<RtmpUnpublishReason> Unpublished => _unpublished.Task;

    public Task FirstVideo => _firstVideo.Task;

    /// <summary>When set, media messages are counted but not stored (fuzzing, long streams).</summary>
    public bool CountOnly { get; init; }

    public void OnMetadata(IReadOnlyDictionary<string, object?> metadata) => Metadata.Enqueue(metadata);

    public void OnMediaMessage(RtmpMediaType type, uint timestampMs, ReadOnlySpan<byte> payload)
    {
        Interlocked.Increment(ref _mediaCount);
        if (!CountOnly)
        {
            Media.Enqueue(new MediaRecord(type, timestampMs, payload.Length, payload[..Math.Min(payload.Length, 16)].ToArray()));
        }

        if (type == RtmpMediaType.Video)
        {
            _firstVideo.TrySetResult();
        }
    }

    public ValueTask OnUnpublishAsync(RtmpUnpublishReason reason)
    {
        Interlocked.Increment(ref _unpublishCalls);
        _unpublished.TrySetResult(reason);
        return ValueTask.CompletedTask;
    }

    public sealed record MediaRecord(RtmpMediaType Type, uint Timestamp, int Length, byte[] Head);
}
