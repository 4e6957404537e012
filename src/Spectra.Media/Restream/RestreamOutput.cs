using System.Diagnostics;
using Microsoft.Extensions.Logging;
using Spectra.Media.Flv;
using Spectra.Media.Live;
using Spectra.Media.Restream.Internal;
using Spectra.Rtmp;

namespace Spectra.Media.Restream;

/// <summary>
/// Pushes a live stream's source rendition (the FLV tags as ingested) to one RTMP destination: an output of
/// the <see cref="LiveStream"/> with its own queue (<c>RestreamQueue</c>) and its own sender task, so a slow or
/// failing destination never slows the ingest or the other destinations. Every connection starts with the
/// metadata and the sequence headers, then media from a keyframe on, timestamps from 0. A broken connection is
/// retried with exponential back-off (<see cref="RestreamOptions.InitialRetryDelay"/> doubling up to
/// <see cref="RestreamOptions.MaxRetryDelay"/>).
/// </summary>
public sealed partial class RestreamOutput : ILiveMediaOutput, IAsyncDisposable
{
    private const int BatchBytes = 256 * 1024;

    private readonly string _channel;
    private readonly RestreamOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly RestreamQueue _queue;
    private readonly CancellationTokenSource _stop = new();
    private readonly Lock _lock = new();
    private byte[]? _metadata;
    private byte[]? _videoConfiguration;
    private byte[]? _audioConfiguration;
    private Task _run = Task.CompletedTask;
    private RestreamState _state = RestreamState.Connecting;
    private string? _lastError;
    private long _bytesSent;
    private double _bitrateKbps;
    private int _reconnects;
    private DateTimeOffset? _liveSince;
    private int _started;

    public RestreamOutput(string channel, RestreamDestination destination, RestreamOptions options, TimeProvider time, ILogger<RestreamOutput> logger)
    {
        _channel = channel ?? throw new ArgumentNullException(nameof(channel));
        Destination = destination ?? throw new ArgumentNullException(nameof(destination));
        _options = options ?? throw new ArgumentNullException(nameof(options));
        _time = time ?? throw new ArgumentNullException(nameof(time));
        _logger = logger ?? throw new ArgumentNullException(nameof(logger));
        _queue = new RestreamQueue(options.MaxQueuedBytes);
    }

    public RestreamDestination Destination { get; }

    /// <summary>Ends once the push has stopped (<see cref="StopAsync"/>, or the stream completed).</summary>
    public Task Completion => _run;

    public RestreamStatus Status
    {
        get
        {
            lock (_lock)
            {
                var live = _state == RestreamState.Live;
                return new RestreamStatus(Destination.Id, _state, _lastError, _bytesSent, live ? _bitrateKbps : 0, _queue.DroppedTags,
                    _reconnects, live ? _liveSince : null);
            }
        }
    }

    /// <summary>
    /// Subscribes to <paramref name="stream"/> mid-stream: takes the metadata and sequence headers the stream
    /// already has (from its FLV output), so the destination can decode from the next keyframe.
    /// </summary>
    public void Attach(LiveStream stream)
    {
        ArgumentNullException.ThrowIfNull(stream);
        stream.Subscribe(this);
        if (stream.Flv is { } flv)
        {
            // Only where nothing newer arrived since subscribing.
            var (metadata, video, audio) = flv.CopyConfiguration();
            Interlocked.CompareExchange(ref _metadata, metadata, null);
            Interlocked.CompareExchange(ref _videoConfiguration, video, null);
            Interlocked.CompareExchange(ref _audioConfiguration, audio, null);
        }
    }

    /// <summary>Starts the sender; subscribe the output to the stream too (either order).</summary>
    public void Start()
    {
        if (Interlocked.Exchange(ref _started, 1) == 0)
        {
            _run = Task.Run(RunAsync, CancellationToken.None);
        }
    }

    /// <summary>Stops at once: closes the connection and drops what is queued. Idempotent.</summary>
    public async Task StopAsync()
    {
        Stop();
        await _run.ConfigureAwait(false);
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync().ConfigureAwait(false);
        _stop.Dispose();
    }

    void ILiveMediaOutput.OnMetadata(IReadOnlyDictionary<string, object?> metadata)
    {
        var body = FlvScriptDataWriter.WriteOnMetaData(metadata);
        Volatile.Write(ref _metadata, body);
    }

    void ILiveMediaOutput.OnMediaTag(FlvTagType type, uint timestampMs, ReadOnlySpan<byte> tagBody)
    {
        if (type == FlvTagType.Video && FlvVideoTagHeader.TryParse(tagBody, out var video))
        {
            if (video.IsSequenceHeader)
            {
                Volatile.Write(ref _videoConfiguration, tagBody.ToArray());
                return;
            }

            _queue.Add(type, timestampMs, tagBody, video.FrameType == FlvVideoFrameType.Keyframe);
        }
        else if (type == FlvTagType.Audio && FlvAudioTagHeader.TryParse(tagBody, out var audio))
        {
            if (audio.IsSequenceHeader)
            {
                Volatile.Write(ref _audioConfiguration, tagBody.ToArray());
                return;
            }

            _queue.Add(type, timestampMs, tagBody, isKeyframe: false);
        }
    }

    /// <summary>The stream has ended: the push stops (without waiting here: this runs on the ingest thread).</summary>
    void ILiveMediaOutput.Complete() => Stop();

    private void Stop()
    {
        _queue.Dispose();
        try
        {
            _stop.Cancel();
        }
        catch (ObjectDisposedException)
        {
        }
    }

    private async Task RunAsync()
    {
        var token = _stop.Token;
        var clientOptions = new RtmpPublishClientOptions
        {
            ConnectTimeout = _options.ConnectTimeout,
            WriteTimeout = _options.WriteTimeout,
            AllowUntrustedCertificates = _options.AllowUntrustedCertificates,
        };
        var failures = 0;
        var connectedBefore = false;
        while (!token.IsCancellationRequested)
        {
            RtmpPublishClient? client = null;
            try
            {
                Log.Connecting(_logger, _channel, Destination.Name, Destination.Target);
                client = await RtmpPublishClient.ConnectAsync(Destination.Target, clientOptions, token).ConfigureAwait(false);
                SetLive(connectedBefore);
                Log.Live(_logger, _channel, Destination.Name, Destination.Target);
                connectedBefore = true;
                failures = 0;
                await SendAsync(client, token).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (token.IsCancellationRequested)
            {
                break;
            }
            catch (RtmpPublishException ex)
            {
                failures++;
                SetFailure(ex.IsRefusal ? RestreamState.Failed : RestreamState.Retrying, ex.Message);
                Log.Failed(_logger, _channel, Destination.Name, Destination.Target, ex.Message);
            }
#pragma warning disable CA1031 // Whatever breaks one destination's connection is retried; it must not end the push.
            catch (Exception ex)
#pragma warning restore CA1031
            {
                failures++;
                SetFailure(RestreamState.Retrying, ex.Message);
                Log.Unexpected(_logger, _channel, Destination.Name, Destination.Target, ex);
            }
            finally
            {
                _queue.OnDisconnected();
                if (client is not null)
                {
                    await client.DisposeAsync().ConfigureAwait(false);
                }
            }

            if (token.IsCancellationRequested)
            {
                break;
            }

            var delay = RetryDelay(failures);
            try
            {
                await Task.Delay(delay, _time, token).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                break;
            }
        }

        lock (_lock)
        {
            _state = RestreamState.Stopped;
        }

        Log.Stopped(_logger, _channel, Destination.Name, Destination.Target, _queue.DroppedTags, _reconnects);
    }

    /// <summary>Back-off: the initial delay doubled per consecutive failure, capped; a refusal waits the longest.</summary>
    private TimeSpan RetryDelay(int failures)
    {
        if (Status.State == RestreamState.Failed)
        {
            return _options.MaxRetryDelay;
        }

        var factor = Math.Pow(2, Math.Min(failures - 1, 16));
        var delay = TimeSpan.FromTicks((long)Math.Min(_options.InitialRetryDelay.Ticks * factor, _options.MaxRetryDelay.Ticks));
        return delay;
    }

    private async Task SendAsync(RtmpPublishClient client, CancellationToken token)
    {
        if (Volatile.Read(ref _metadata) is { } metadata)
        {
            client.WriteDataFrame(metadata);
        }

        var video = Volatile.Read(ref _videoConfiguration);
        if (video is not null)
        {
            client.WriteMedia(RtmpMediaType.Video, 0, video);
        }

        var audio = Volatile.Read(ref _audioConfiguration);
        if (audio is not null)
        {
            client.WriteMedia(RtmpMediaType.Audio, 0, audio);
        }

        _queue.OnConnected();
        var batch = new List<RestreamTag>(256);
        long baseTimestamp = -1;
        // Bitrate over windows of at least 2 s.
        var windowStart = _time.GetTimestamp();
        var windowStartBytes = client.BytesSent;
        var counted = client.BytesSent;
        await client.FlushAsync(token).ConfigureAwait(false);
        while (true)
        {
            var wait = _queue.WaitAsync(token);
            var completed = await Task.WhenAny(wait, client.Completion).ConfigureAwait(false);
            if (completed == client.Completion)
            {
                await client.Completion.ConfigureAwait(false);
                throw new RtmpPublishException("The server closed the connection");
            }

            await wait.ConfigureAwait(false);
            token.ThrowIfCancellationRequested();
            _queue.TakeBatch(batch, BatchBytes);
            try
            {
                // A sequence header that changed mid-stream (new encoder settings) goes out before the next tags.
                var currentVideo = Volatile.Read(ref _videoConfiguration);
                var currentAudio = Volatile.Read(ref _audioConfiguration);
                foreach (var tag in batch)
                {
                    if (baseTimestamp < 0)
                    {
                        baseTimestamp = tag.TimestampMs;
                    }

                    var timestamp = tag.TimestampMs >= baseTimestamp ? (uint)(tag.TimestampMs - baseTimestamp) : 0u;
                    if (currentVideo is not null && !ReferenceEquals(currentVideo, video) && tag.IsKeyframe)
                    {
                        client.WriteMedia(RtmpMediaType.Video, timestamp, currentVideo);
                        video = currentVideo;
                    }

                    if (currentAudio is not null && !ReferenceEquals(currentAudio, audio))
                    {
                        client.WriteMedia(RtmpMediaType.Audio, timestamp, currentAudio);
                        audio = currentAudio;
                    }

                    client.WriteMedia(tag.Type == FlvTagType.Video ? RtmpMediaType.Video : RtmpMediaType.Audio, timestamp, tag.Body);
                }
            }
            finally
            {
                foreach (var tag in batch)
                {
                    tag.Release();
                }

                batch.Clear();
            }

            await client.FlushAsync(token).ConfigureAwait(false);
            var now = _time.GetTimestamp();
            var elapsed = _time.GetElapsedTime(windowStart, now);
            var sent = client.BytesSent;
            lock (_lock)
            {
                _bytesSent += sent - counted;
                if (elapsed >= TimeSpan.FromSeconds(2))
                {
                    _bitrateKbps = (sent - windowStartBytes) * 8 / elapsed.TotalSeconds / 1000;
                    windowStart = now;
                    windowStartBytes = sent;
                }
            }

            counted = sent;
        }
    }

    private void SetLive(bool reconnect)
    {
        lock (_lock)
        {
            _state = RestreamState.Live;
            _liveSince = _time.GetUtcNow();
            _bitrateKbps = 0;
            if (reconnect)
            {
                _reconnects++;
            }
        }
    }

    private void SetFailure(RestreamState state, string error)
    {
        lock (_lock)
        {
            _state = state;
            _lastError = error;
            _liveSince = null;
        }
    }

    private static partial class Log
    {
        [LoggerMessage(EventId = 4700, EventName = "RestreamConnecting", Level = LogLevel.Debug,
            Message = "Channel '{Channel}': connecting to restream destination '{Destination}' at {Server}")]
        public static partial void Connecting(ILogger logger, string channel, string destination, RtmpPublishTarget server);

        [LoggerMessage(EventId = 4701, EventName = "RestreamLive", Level = LogLevel.Information,
            Message = "Channel '{Channel}': restreaming to '{Destination}' at {Server}")]
        public static partial void Live(ILogger logger, string channel, string destination, RtmpPublishTarget server);

        [LoggerMessage(EventId = 4702, EventName = "RestreamFailed", Level = LogLevel.Warning,
            Message = "Channel '{Channel}': restream destination '{Destination}' at {Server} failed: {Error}; retrying")]
        public static partial void Failed(ILogger logger, string channel, string destination, RtmpPublishTarget server, string error);

        [LoggerMessage(EventId = 4704, EventName = "RestreamUnexpectedError", Level = LogLevel.Error,
            Message = "Channel '{Channel}': restream destination '{Destination}' at {Server} failed unexpectedly; retrying")]
        public static partial void Unexpected(ILogger logger, string channel, string destination, RtmpPublishTarget server, Exception exception);

        [LoggerMessage(EventId = 4703, EventName = "RestreamStopped", Level = LogLevel.Information,
            Message = "Channel '{Channel}': restreaming to '{Destination}' at {Server} stopped; {DroppedTags} tags dropped, {Reconnects} reconnects")]
        public static partial void Stopped(ILogger logger, string channel, string destination, RtmpPublishTarget server, long droppedTags, int reconnects);
    }
}
