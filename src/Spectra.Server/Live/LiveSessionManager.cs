using Microsoft.Extensions.Options;
using Spectra.Media.Live;
using Spectra.Rtmp;
using Spectra.Server.Events;
using Spectra.Server.Live.Internal;

namespace Spectra.Server.Live;

/// <summary>
/// Live state of every channel on this node: one publisher per channel, the session it is recorded as,
/// the grace after a disconnect in which the same key resumes the session, and the StreamOnline /
/// StreamOffline events. The media stays in the media plane: a publisher's packets go from its
/// <see cref="ILiveSource"/> straight into the channel's <see cref="LiveStream"/>; this class decides who may
/// publish and reacts to the stream's events (first segment ready, health sample) and the source's end.
/// State changes happen under one lock (cheap: no I/O inside); database writes
/// and events of a channel run in order on that channel's serial chain.
/// </summary>
internal sealed partial class LiveSessionManager : IHostedService
{
    private static readonly TimeSpan EndWaitLimit = TimeSpan.FromSeconds(30);
    private readonly Lock _lock = new();
    private readonly Dictionary<Guid, LiveChannelState> _channels = [];
    private readonly LiveStreamManager _streams;
    private readonly LiveSessionStore _store;
    private readonly IEventBus _events;
    private readonly LiveOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly CancellationTokenSource _stopping = new();

    internal LiveSessionManager(
        LiveStreamManager streams,
        LiveSessionStore store,
        IEventBus events,
        IOptions<LiveOptions> options,
        TimeProvider time,
        ILogger<LiveSessionManager> logger)
    {
        _streams = streams;
        _store = store;
        _events = events;
        _options = options.Value;
        _time = time;
        _logger = logger;
    }

    /// <summary>Channels with a publisher or within their grace on this node.</summary>
    public IReadOnlyList<LiveChannelStatus> GetStatuses()
    {
        lock (_lock)
        {
            var list = new List<LiveChannelStatus>(_channels.Count);
            foreach (var state in _channels.Values)
            {
                list.Add(ToStatus(state));
            }

            return list;
        }
    }

    public bool TryGetStatus(Guid channelId, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out LiveChannelStatus? status)
    {
        lock (_lock)
        {
            status = _channels.TryGetValue(channelId, out var state) && state.Ending is null ? ToStatus(state) : null;
            return status is not null;
        }
    }

    /// <summary>
    /// Ends sessions a previous run left open. The database is migrated before hosted services start.
    /// </summary>
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var closed = await _store.CloseInterruptedAsync(_time.GetUtcNow().UtcDateTime, cancellationToken);
        if (closed > 0)
        {
            Log.InterruptedSessionsClosed(_logger, closed);
        }
    }

    /// <summary>Server shutdown: every channel goes offline now (no grace), transcoders stop.</summary>
    public async Task StopAsync(CancellationToken cancellationToken)
    {
        await _stopping.CancelAsync();
        List<Task> endings = [];
        lock (_lock)
        {
            foreach (var state in _channels.Values)
            {
                endings.Add(BeginEnd(state, LiveSessionStore.ReasonServerStopped));
            }
        }

        await Task.WhenAll(endings).WaitAsync(cancellationToken);
    }

    /// <summary>
    /// Starts (or resumes, within the grace) the channel's broadcast for a new RTMP publisher and returns the
    /// source its session feeds. Null when the channel already has a connected publisher (left untouched) or is
    /// still ending; <c>AtCapacity</c> is set when the site already carries
    /// <see cref="LiveOptions.MaxConcurrentStreams"/> streams.
    /// </summary>
    internal ValueTask<(RtmpLiveSource? Source, bool AtCapacity)> TryBeginPublishAsync(Guid channelId, string channelName, string connectionId, CancellationToken cancellationToken) =>
        TryBeginPublishAsync(channelId, channelName, connectionId, static (stream, id) => new RtmpLiveSource(stream, id), cancellationToken);

    /// <summary>
    /// As the RTMP overload, for any kind of publisher: <paramref name="createSource"/> attaches the publisher's source
    /// (<see cref="RtmpLiveSource"/>, <see cref="SrtLiveSource"/>) to the channel's stream.
    /// </summary>
    internal async ValueTask<(TSource? Source, bool AtCapacity)> TryBeginPublishAsync<TSource>(
        Guid channelId,
        string channelName,
        string connectionId,
        Func<LiveStream, string, TSource> createSource,
        CancellationToken cancellationToken)
        where TSource : class, ILiveSource
    {
        var deadline = _time.GetUtcNow() + EndWaitLimit;
        while (true)
        {
            Task? ending = null;
            LiveChannelState? created = null;
            lock (_lock)
            {
                if (_stopping.IsCancellationRequested)
                {
                    return (null, false);
                }

                if (_channels.TryGetValue(channelId, out var state))
                {
                    if (state.Ending is not null)
                    {
                        ending = state.Ending;
                    }
                    else if (state.Publisher is not null || state.Media is null)
                    {
                        Log.SecondPublisherRejected(_logger, channelName, connectionId, state.Publisher?.ConnectionId);
                        return (null, false);
                    }
                    else
                    {
                        state.Grace?.Cancel();
                        state.Grace?.Dispose();
                        state.Grace = null;
                        state.Reconnects++;
                        var source = Attach(state, createSource(state.Media, connectionId));
                        Log.PublisherResumed(_logger, channelName, connectionId, state.SessionId, state.Reconnects);
                        return (source, false);
                    }
                }
                else if (_channels.Count >= _options.MaxConcurrentStreams)
                {
                    Log.AtCapacity(_logger, channelName, connectionId, _options.MaxConcurrentStreams);
                    return (null, true);
                }
                else
                {
                    created = new LiveChannelState(channelId, channelName, Guid.CreateVersion7());
                    _channels.Add(channelId, created);
                }
            }

            if (created is not null)
            {
                return (StartMedia(created, connectionId, createSource), false);
            }

            // The previous broadcast is being torn down (grace over, transcoder stopping): start after it.
            var remaining = deadline - _time.GetUtcNow();
            if (remaining <= TimeSpan.Zero)
            {
                return (null, false);
            }

            await ending!.WaitAsync(remaining, _time, cancellationToken).ConfigureAwait(false);
        }
    }

    private TSource StartMedia<TSource>(LiveChannelState state, string connectionId, Func<LiveStream, string, TSource> createSource)
        where TSource : class, ILiveSource
    {
        LiveStream stream;
        try
        {
            stream = _streams.Start(state.ChannelName);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            Log.MediaStartFailed(_logger, state.ChannelName, ex);
            lock (_lock)
            {
                _channels.Remove(state.ChannelId);
            }

            throw;
        }

        stream.FirstSegmentReady += _ => OnFirstSegmentReady(state);
        stream.HealthSampled += (_, sample) => OnHealthSampled(state, StreamHealth.From(sample, _time));
        lock (_lock)
        {
            state.Media = stream;
            var source = Attach(state, createSource(stream, connectionId));
            Log.PublisherStarted(_logger, state.ChannelName, connectionId, state.SessionId);
            return source;
        }
    }

    /// <summary>The new publisher's source, just attached to the channel's stream, becomes its publisher (caller holds the lock).</summary>
    private TSource Attach<TSource>(LiveChannelState state, TSource source)
        where TSource : class, ILiveSource
    {
        source.Ended += (ended, reason) => OnPublisherGone(state, ended, reason);
        state.Publisher = source;
        return source;
    }

    private void OnPublisherGone(LiveChannelState state, ILiveSource source, LiveSourceEndReason reason)
    {
        CancellationTokenSource grace;
        lock (_lock)
        {
            if (!ReferenceEquals(state.Publisher, source) || state.Ending is not null)
            {
                return;
            }

            state.Publisher = null;
            Log.PublisherLeft(_logger, state.ChannelName, source.ConnectionId, reason, _options.OfflineGrace.TotalSeconds);
            if (_options.OfflineGrace <= TimeSpan.Zero || _stopping.IsCancellationRequested)
            {
                BeginEnd(state, LiveSessionStore.ReasonPublisherLeft);
                return;
            }

            grace = new CancellationTokenSource();
            state.Grace = grace;
        }

        _ = RunGraceAsync(state, grace);
    }

    private async Task RunGraceAsync(LiveChannelState state, CancellationTokenSource grace)
    {
        try
        {
            await Task.Delay(_options.OfflineGrace, _time, grace.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            return;
        }

        lock (_lock)
        {
            if (!ReferenceEquals(state.Grace, grace) || state.Publisher is not null)
            {
                return;
            }

            state.Grace = null;
            grace.Dispose();
            BeginEnd(state, LiveSessionStore.ReasonPublisherLeft);
        }
    }

    private void OnFirstSegmentReady(LiveChannelState state)
    {
        lock (_lock)
        {
            if (state.Online || state.Ending is not null)
            {
                return;
            }

            state.Online = true;
            var at = _time.GetUtcNow().UtcDateTime;
            state.OnlineAt = at;
            var health = state.LastHealth;
            var encoder = state.Encoder;
            state.FactsRecorded = HasFacts(health);
            Enqueue(state, async () =>
            {
                await _store.StartAsync(state.SessionId, state.ChannelId, at, health, encoder, CancellationToken.None).ConfigureAwait(false);
                Log.WentOnline(_logger, state.ChannelName, state.SessionId);
                await _events.PublishAsync(new StreamOnline(state.ChannelId, state.ChannelName, state.SessionId, at)).ConfigureAwait(false);
            });
        }
    }

    private void OnHealthSampled(LiveChannelState state, StreamHealth health)
    {
        lock (_lock)
        {
            state.LastHealth = health;
            if (state.Online && !state.FactsRecorded && state.Ending is null && HasFacts(health))
            {
                state.FactsRecorded = true;
                Enqueue(state, () => _store.UpdateFactsAsync(state.SessionId, health, CancellationToken.None));
            }
        }
    }

    private static bool HasFacts(StreamHealth? health) => health is not null && (health.VideoCodec is not null || health.AudioCodec is not null) && (health.Width is not null || health.VideoCodec is null);

    /// <summary>Goes offline once (caller holds the lock): stop media, end the session, publish StreamOffline, forget the channel.</summary>
    private Task BeginEnd(LiveChannelState state, string reason)
    {
        if (state.Ending is not null)
        {
            return state.Ending;
        }

        state.Grace?.Cancel();
        state.Grace?.Dispose();
        state.Grace = null;
        var media = state.Media;
        var online = state.Online;
        var stopMedia = media is null ? Task.CompletedTask : StopMediaAsync(state, media);
        var ending = Enqueue(state, async () =>
        {
            await stopMedia.ConfigureAwait(false);
            if (online)
            {
                var at = _time.GetUtcNow().UtcDateTime;
                var health = state.LastHealth;
                await _store.EndAsync(state.SessionId, at, health, state.Encoder, state.Reconnects, reason, CancellationToken.None).ConfigureAwait(false);
                Log.WentOffline(_logger, state.ChannelName, state.SessionId, reason);
                await _events.PublishAsync(new StreamOffline(state.ChannelId, state.ChannelName, state.SessionId, at)).ConfigureAwait(false);
            }
        }).ContinueWith(
            _ =>
            {
                lock (_lock)
                {
                    if (_channels.TryGetValue(state.ChannelId, out var current) && ReferenceEquals(current, state))
                    {
                        _channels.Remove(state.ChannelId);
                    }
                }
            },
            CancellationToken.None,
            TaskContinuationOptions.ExecuteSynchronously,
            TaskScheduler.Default);
        state.Ending = ending;
        return ending;
    }

    private async Task StopMediaAsync(LiveChannelState state, LiveStream media)
    {
        try
        {
            await media.StopAsync().ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            Log.MediaStopFailed(_logger, state.ChannelName, ex);
        }
    }

    /// <summary>Appends work to the channel's serial chain (caller holds the lock); failures are logged, the chain goes on.</summary>
    private Task Enqueue(LiveChannelState state, Func<Task> work)
    {
        var next = state.Serial.ContinueWith(
            async _ =>
            {
                try
                {
                    await work().ConfigureAwait(false);
                }
                catch (Exception ex)
                {
                    Log.StateWriteFailed(_logger, state.ChannelName, state.SessionId, ex);
                }
            },
            CancellationToken.None,
            TaskContinuationOptions.None,
            TaskScheduler.Default).Unwrap();
        state.Serial = next;
        return next;
    }

    private static LiveChannelStatus ToStatus(LiveChannelState state) => new(
        state.ChannelId,
        state.ChannelName,
        state.Publisher is not null,
        state.Online,
        state.SessionId,
        state.OnlineAt,
        state.Reconnects,
        state.LastHealth);
}
