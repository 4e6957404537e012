using Microsoft.Extensions.Logging;

namespace Spectra.Media.Srt.Internal;

internal static partial class SrtLog
{
    [LoggerMessage(EventId = 4700, EventName = "SrtListening", Level = LogLevel.Information, Message = "SRT ingest listening on udp {EndPoint} (latency {LatencyMs} ms, {Encryption})")]
    public static partial void Listening(ILogger logger, string endPoint, int latencyMs, string encryption);

    [LoggerMessage(EventId = 4701, EventName = "SrtStartFailed", Level = LogLevel.Error, Message = "SRT ingest could not start on udp {EndPoint}: {Error}")]
    public static partial void StartFailed(ILogger logger, string endPoint, string error);

    [LoggerMessage(EventId = 4702, EventName = "SrtHandshakeRejected", Level = LogLevel.Warning, Message = "SRT connection {ConnectionId} from {RemoteEndPoint} refused in the handshake (SRT reject code {Code}): {Reason}")]
    public static partial void Rejected(ILogger logger, string connectionId, string? remoteEndPoint, int code, string reason);

    [LoggerMessage(EventId = 4703, EventName = "SrtConnected", Level = LogLevel.Information, Message = "SRT connection {ConnectionId} from {RemoteEndPoint} established")]
    public static partial void Connected(ILogger logger, string connectionId, string? remoteEndPoint);

    [LoggerMessage(EventId = 4704, EventName = "SrtPublishRefused", Level = LogLevel.Warning, Message = "SRT connection {ConnectionId} from {RemoteEndPoint} closed: {Reason}")]
    public static partial void PublishRefused(ILogger logger, string connectionId, string? remoteEndPoint, string reason);

    [LoggerMessage(EventId = 4705, EventName = "SrtDisconnected", Level = LogLevel.Information, Message = "SRT connection {ConnectionId} ended ({Reason}): {Packets} packets, {Lost} lost, {Retransmitted} retransmitted, {Dropped} dropped, RTT {RoundTripMs:0.#} ms, {ContinuityErrors} MPEG-TS continuity errors")]
    public static partial void Disconnected(ILogger logger, string connectionId, string reason, long packets, long lost, long retransmitted, long dropped, double roundTripMs, long continuityErrors);

    [LoggerMessage(EventId = 4706, EventName = "SrtUnsupportedStream", Level = LogLevel.Warning, Message = "SRT connection {ConnectionId} from {RemoteEndPoint} closed: {Reason}")]
    public static partial void UnsupportedStream(ILogger logger, string connectionId, string? remoteEndPoint, string reason);

    [LoggerMessage(EventId = 4707, EventName = "SrtIgnoredStreams", Level = LogLevel.Information, Message = "SRT connection {ConnectionId}: MPEG-TS streams ignored: {Streams}")]
    public static partial void IgnoredStreams(ILogger logger, string connectionId, string streams);

    [LoggerMessage(EventId = 4708, EventName = "SrtAcceptFailed", Level = LogLevel.Warning, Message = "SRT accept failed: {Error}")]
    public static partial void AcceptFailed(ILogger logger, string error);

    [LoggerMessage(EventId = 4709, EventName = "SrtDecisionFailed", Level = LogLevel.Error, Message = "SRT connection {ConnectionId}: the publish decision failed")]
    public static partial void DecisionFailed(ILogger logger, string connectionId, Exception exception);

    [LoggerMessage(EventId = 4710, EventName = "SrtConnectionFailed", Level = LogLevel.Error, Message = "SRT connection {ConnectionId} failed")]
    public static partial void ConnectionFailed(ILogger logger, string connectionId, Exception exception);

    [LoggerMessage(EventId = 4711, EventName = "SrtHandshakeAbandoned", Level = LogLevel.Warning, Message = "SRT connection {ConnectionId} from {RemoteEndPoint} never completed its handshake after the stream key was accepted: wrong or missing passphrase, or the caller gave up")]
    public static partial void HandshakeAbandoned(ILogger logger, string connectionId, string? remoteEndPoint);
}
