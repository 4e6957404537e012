using Microsoft.Extensions.Logging;
using Spectra.Media.Live;
using Spectra.Media.MpegTs;

namespace Spectra.Media.Srt.Internal;

/// <summary>
/// One established SRT publisher, on its own thread: asks the control plane for its source, then receives messages
/// (blocking srt_recvmsg with a 1 s timeout, so it notices the server stopping and publishers that go silent) and
/// demuxes the MPEG-TS they carry into the source. The socket is closed when it ends, whatever the reason.
/// </summary>
internal sealed class SrtConnection
{
    /// <summary>SRT_LIVE_MAX_PLSIZE: the largest payload of one live-mode message.</summary>
    private const int MaxMessageSize = 1456;
    private const int ErrorTimeout = 6003;
    private readonly int _socket;
    private readonly SrtPublishRequest _request;
    private readonly SrtPublishAuthorization _authorization;
    private readonly ISrtPublishHandler _handler;
    private readonly SrtOptions _options;
    private readonly ILogger _logger;
    private readonly CancellationToken _stopping;
    private readonly TaskCompletionSource _completion = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly Lock _gate = new();
    private MpegTsDemuxer? _demuxer;
    private LiveTransportStatistics? _last;
    private bool _closed;

    public SrtConnection(int socket, SrtPublishRequest request, SrtPublishAuthorization authorization, ISrtPublishHandler handler, SrtOptions options, ILogger logger, CancellationToken stopping)
    {
        _socket = socket;
        _request = request;
        _authorization = authorization;
        _handler = handler;
        _options = options;
        _logger = logger;
        _stopping = stopping;
    }

    /// <summary>Completes when the connection has ended and its socket is closed.</summary>
    public Task Completion => _completion.Task;

    public void Start() => new Thread(Run) { IsBackground = true, Name = "SRT " + _request.ConnectionId }.Start();

    /// <summary>Link totals from libsrt plus the demuxer's continuity errors; the last ones once closed.</summary>
    public unsafe LiveTransportStatistics? ReadStatistics()
    {
        lock (_gate)
        {
            if (_closed)
            {
                return null;
            }

            SrtTraceStatistics stats;
            if (SrtNative.Statistics(_socket, &stats, 0, 1) == SrtNative.Error)
            {
                return _last;
            }

            _last = new LiveTransportStatistics(
                "srt",
                Math.Round(stats.RoundTripMs, 1),
                stats.ReceiveLatencyMs,
                stats.PacketsReceived,
                stats.PacketsLost,
                stats.PacketsRetransmitted,
                stats.PacketsDropped,
                _demuxer?.Statistics.ContinuityErrors ?? 0);
            return _last;
        }
    }

    private void Run()
    {
        SrtLiveSource? source = null;
        var reason = LiveSourceEndReason.ConnectionClosed;
        try
        {
            var result = _handler.PublishAsync(_request, _authorization, _stopping).AsTask().GetAwaiter().GetResult();
            if (result.Source is null)
            {
                SrtLog.PublishRefused(_logger, _request.ConnectionId, _request.RemoteEndPoint?.ToString(), result.Reason ?? "publish refused");
                return;
            }

            source = result.Source;
            using var demuxer = new MpegTsDemuxer(source);
            lock (_gate)
            {
                _demuxer = demuxer;
            }

            source.SetStatistics(ReadStatistics);
            reason = Receive(demuxer);
        }
        catch (MpegTsFormatException ex)
        {
            reason = LiveSourceEndReason.ProtocolError;
            SrtLog.UnsupportedStream(_logger, _request.ConnectionId, _request.RemoteEndPoint?.ToString(), ex.Message);
        }
        catch (OperationCanceledException)
        {
        }
#pragma warning disable CA1031 // A failing connection must end alone, never the process.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            reason = LiveSourceEndReason.ProtocolError;
            SrtLog.ConnectionFailed(_logger, _request.ConnectionId, ex);
        }
        finally
        {
            var last = ReadStatistics();
            lock (_gate)
            {
                _closed = true;
                _demuxer = null;
                SrtNative.Close(_socket);
            }

            if (source is not null)
            {
                source.End(reason);
                SrtLog.Disconnected(_logger, _request.ConnectionId, reason.ToString(), last?.PacketsReceived ?? 0, last?.PacketsLost ?? 0,
                    last?.PacketsRetransmitted ?? 0, last?.PacketsDropped ?? 0, last?.RoundTripMs ?? 0, last?.ContinuityErrors ?? 0);
            }

            _completion.TrySetResult();
        }
    }

    private unsafe LiveSourceEndReason Receive(MpegTsDemuxer demuxer)
    {
        SrtNative.SetInt(_socket, SrtSocketOption.ReceiveTimeout, 1000);
        byte* buffer = stackalloc byte[MaxMessageSize];
        long lastData = Environment.TickCount64;
        bool reportedIgnored = false;
        while (!_stopping.IsCancellationRequested)
        {
            int received = SrtNative.ReceiveMessage(_socket, buffer, MaxMessageSize);
            if (received > 0)
            {
                lastData = Environment.TickCount64;
                demuxer.Feed(new ReadOnlySpan<byte>(buffer, received));
                if (!reportedIgnored && demuxer.IgnoredStreams.Count > 0)
                {
                    reportedIgnored = true;
                    SrtLog.IgnoredStreams(_logger, _request.ConnectionId, string.Join(", ", demuxer.IgnoredStreams));
                }

                continue;
            }

            if (received == 0 || SrtNative.LastError() != ErrorTimeout)
            {
                return LiveSourceEndReason.ConnectionClosed;
            }

            if (Environment.TickCount64 - lastData > _options.SrtIdleTimeout.TotalMilliseconds)
            {
                return LiveSourceEndReason.Timeout;
            }
        }

        return LiveSourceEndReason.ConnectionClosed;
    }
}
