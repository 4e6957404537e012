using System.Collections.Concurrent;
using System.Diagnostics.CodeAnalysis;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Spectra.Media.Delivery;
using Spectra.Media.Hls;
using Spectra.Media.Packaging;
using Spectra.Media.Transcoding;

namespace Spectra.Media.Live;

/// <summary>
/// The live sessions of this node, one per channel (names compared case-insensitively). Singleton.
/// Re-raises each session's events so the control plane subscribes once; disposing the manager
/// (host shutdown) stops every session.
/// </summary>
public sealed partial class LiveStreamManager : IAsyncDisposable, IDisposable
{
    private readonly ConcurrentDictionary<string, LiveStream> _streams = new(StringComparer.OrdinalIgnoreCase);
    private readonly IOptionsMonitor<LadderOptions> _ladder;
    private readonly IOptionsMonitor<LiveStreamOptions> _options;
    private readonly IOptionsMonitor<PackagerOptions> _packager;
    private readonly HlsStreamRegistry _registry;
    private readonly ILoggerFactory _loggerFactory;
    private readonly ILogger _logger;
    private readonly TimeProvider _time;

    internal LiveStreamManager(
        IOptionsMonitor<LadderOptions> ladderOptions,
        IOptionsMonitor<LiveStreamOptions> options,
        IOptionsMonitor<PackagerOptions> packagerOptions,
        HlsStreamRegistry registry,
        ILoggerFactory loggerFactory,
        TimeProvider time)
    {
        _ladder = ladderOptions ?? throw new ArgumentNullException(nameof(ladderOptions));
        _options = options ?? throw new ArgumentNullException(nameof(options));
        _packager = packagerOptions ?? throw new ArgumentNullException(nameof(packagerOptions));
        _registry = registry ?? throw new ArgumentNullException(nameof(registry));
        _loggerFactory = loggerFactory ?? throw new ArgumentNullException(nameof(loggerFactory));
        _logger = loggerFactory.CreateLogger<LiveStreamManager>();
        _time = time ?? throw new ArgumentNullException(nameof(time));
    }

    /// <summary>Limits of each session's FLV output; the defaults when not set.</summary>
    internal IOptionsMonitor<FlvFanOutOptions>? FlvOptions { get; init; }

    /// <summary>Every rendition of the session has its first segment: the channel can be shown as live.</summary>
    public event Action<LiveStream>? FirstSegmentReady;

    /// <summary>A session's periodic health sample.</summary>
    public event Action<LiveStream, IngestHealth>? HealthSampled;

    /// <summary>A session has stopped and released everything; it is no longer listed.</summary>
    public event Action<LiveStream>? Ended;

    /// <summary>The running sessions (a copy).</summary>
    public IReadOnlyList<LiveStream> Streams => [.. _streams.Values];

    /// <summary>
    /// Starts the live session of <paramref name="channelName"/> with the current options. The caller
    /// then attaches its publisher as an <see cref="ILiveSource"/> (<see cref="RtmpLiveSource"/>), which
    /// feeds it, and stops it when the publisher has left for good.
    /// </summary>
    /// <exception cref="InvalidOperationException">The channel already has a running session.</exception>
    /// <exception cref="ArgumentException">The channel name is not URL-safe (see <see cref="HlsNames"/>).</exception>
    public LiveStream Start(string channelName)
    {
        ArgumentNullException.ThrowIfNull(channelName);
        var stream = new LiveStream(channelName, _ladder.CurrentValue, _options.CurrentValue, _packager.CurrentValue, _registry, _loggerFactory, _time);
        stream.StartFlvFanOut(FlvOptions?.CurrentValue ?? new FlvFanOutOptions());
        if (!_streams.TryAdd(channelName, stream))
        {
            _ = stream.StopAsync();
            Log.AlreadyLive(_logger, channelName);
            throw new InvalidOperationException($"Channel '{channelName}' already has a live stream.");
        }

        stream.FirstSegmentReady += s => Raise(FirstSegmentReady, s, nameof(FirstSegmentReady));
        stream.HealthSampled += (s, health) => HealthSampled?.Invoke(s, health);
        stream.Stopped += OnStopped;
        return stream;
    }

    public bool TryGet(string channelName, [NotNullWhen(true)] out LiveStream? stream)
    {
        ArgumentNullException.ThrowIfNull(channelName);
        return _streams.TryGetValue(channelName, out stream);
    }

    /// <summary>Stops the channel's session if one runs; completes once it has released everything.</summary>
    /// <returns>False when the channel had no session.</returns>
    public async Task<bool> StopAsync(string channelName)
    {
        ArgumentNullException.ThrowIfNull(channelName);
        if (!_streams.TryGetValue(channelName, out var stream))
        {
            return false;
        }

        await stream.StopAsync().ConfigureAwait(false);
        return true;
    }

    public async ValueTask DisposeAsync()
    {
        var stopping = new List<Task>();
        foreach (var stream in _streams.Values)
        {
            stopping.Add(stream.StopAsync());
        }

        await Task.WhenAll(stopping).ConfigureAwait(false);
    }

    /// <summary>For containers disposed synchronously: blocks until every session has stopped.</summary>
    public void Dispose() => DisposeAsync().AsTask().GetAwaiter().GetResult();

    private void OnStopped(LiveStream stream)
    {
        _streams.TryRemove(new KeyValuePair<string, LiveStream>(stream.ChannelName, stream));
        Raise(Ended, stream, nameof(Ended));
    }

    private void Raise(Action<LiveStream>? handler, LiveStream stream, string name)
    {
        try
        {
            handler?.Invoke(stream);
        }
#pragma warning disable CA1031 // One subscriber's failure must not affect the session.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            Log.HandlerFailed(_logger, stream.ChannelName, name, ex);
        }
    }

    private static partial class Log
    {
        [LoggerMessage(EventId = 4230, EventName = "LiveStreamAlreadyLive", Level = LogLevel.Warning, Message = "Channel '{Channel}' already has a live stream; the new one is refused")]
        public static partial void AlreadyLive(ILogger logger, string channel);

        [LoggerMessage(EventId = 4231, EventName = "LiveStreamManagerHandlerFailed", Level = LogLevel.Error, Message = "Channel '{Channel}': a {Event} handler failed")]
        public static partial void HandlerFailed(ILogger logger, string channel, string @event, Exception exception);
    }
}
