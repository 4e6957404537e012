using System.Collections.Concurrent;
using System.Threading.Channels;

namespace Spectra.Rtmp.Tests.Infrastructure;

/// <summary>
/// The decision the real server makes, in memory: known keys are accepted, one live publisher per key.
/// Every accepted publish gets a new <see cref="RecordingSink"/>, announced on <see cref="Accepted"/>.
/// </summary>
public sealed class TestPublishHandler : IRtmpPublishHandler
{
    private readonly HashSet<string> _keys;
    private readonly ConcurrentDictionary<string, RecordingSink> _live = new(StringComparer.Ordinal);
    private readonly Channel<RecordingSink> _accepted = Channel.CreateUnbounded<RecordingSink>();

    public TestPublishHandler(params string[] keys)
    {
        _keys = new HashSet<string>(keys, StringComparer.Ordinal);
    }

    /// <summary>Accept every key (each publisher still exclusive per key).</summary>
    public bool AcceptAnyKey { get; init; }

    public bool CountOnly { get; init; }

    public ConcurrentQueue<RtmpPublishRequest> Requests { get; } = new();

    /// <summary>
    /// What must never be logged: the known keys, and the stream names asked for (unless any key is accepted, when names
    /// are arbitrary fuzz output that may match ordinary words of a log line).
    /// </summary>
    public IEnumerable<string> Secrets => AcceptAnyKey ? _keys : _keys.Concat(Requests.Select(r => r.StreamName));

    public ChannelReader<RecordingSink> Accepted => _accepted.Reader;

    public async Task<RecordingSink> NextAcceptedAsync(TimeSpan timeout)
    {
        using var cts = new CancellationTokenSource(timeout);
        return await _accepted.Reader.ReadAsync(cts.Token);
    }

    public ValueTask<RtmpPublishResult> PublishAsync(RtmpPublishRequest request, CancellationToken cancellationToken)
    {
        Requests.Enqueue(request);
        if (!AcceptAnyKey && !_keys.Contains(request.StreamName))
        {
            return ValueTask.FromResult(RtmpPublishResult.Reject(RtmpPublishRejection.BadName, "unknown stream key"));
        }

        var sink = new TrackedSink(this, request, CountOnly);
        if (!_live.TryAdd(request.StreamName, sink.Inner))
        {
            return ValueTask.FromResult(RtmpPublishResult.Reject(RtmpPublishRejection.AlreadyPublishing, "already publishing"));
        }

        _accepted.Writer.TryWrite(sink.Inner);
        return ValueTask.FromResult(RtmpPublishResult.Accept(sink));
    }

    private sealed class TrackedSink : IRtmpMediaSink
    {
        private readonly TestPublishHandler _owner;

        public TrackedSink(TestPublishHandler owner, RtmpPublishRequest request, bool countOnly)
        {
            _owner = owner;
            Inner = new RecordingSink(request) { CountOnly = countOnly };
        }

        public RecordingSink Inner { get; }

        public void OnMetadata(IReadOnlyDictionary<string, object?> metadata) => Inner.OnMetadata(metadata);

        public void OnMediaMessage(RtmpMediaType type, uint timestampMs, ReadOnlySpan<byte> payload) => Inner.OnMediaMessage(type, timestampMs, payload);

        public ValueTask OnUnpublishAsync(RtmpUnpublishReason reason)
        {
            _owner._live.TryRemove(new KeyValuePair<string, RecordingSink>(Inner.Request.StreamName, Inner));
            return Inner.OnUnpublishAsync(reason);
        }
    }
}
