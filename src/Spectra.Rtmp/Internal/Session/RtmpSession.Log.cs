using System.Net;
using Microsoft.Extensions.Logging;
using Spectra.Rtmp.Internal.Handshake;

namespace Spectra.Rtmp.Internal.Session;

internal sealed partial class RtmpSession
{
    /// <summary>
    /// Log events of RTMP connections; ids are stable (documented in docs/rtmp.md). Peer misbehaviour is a warning,
    /// never an error: errors are reserved for faults of the server itself.
    /// </summary>
    private static partial class Log
    {
        [LoggerMessage(EventId = 1000, EventName = "RtmpConnectionAccepted", Level = LogLevel.Debug,
            Message = "RTMP connection {ConnectionId} accepted from {RemoteEndPoint}")]
        public static partial void ConnectionAccepted(ILogger logger, string connectionId, EndPoint? remoteEndPoint);

        [LoggerMessage(EventId = 1001, EventName = "RtmpHandshakeCompleted", Level = LogLevel.Debug,
            Message = "RTMP connection {ConnectionId}: handshake completed ({Scheme})")]
        public static partial void HandshakeCompleted(ILogger logger, string connectionId, RtmpHandshakeScheme scheme);

        [LoggerMessage(EventId = 1002, EventName = "RtmpHandshakeTimeout", Level = LogLevel.Warning,
            Message = "RTMP connection {ConnectionId} closed: handshake not completed within {TimeoutSeconds} s")]
        public static partial void HandshakeTimeout(ILogger logger, string connectionId, double timeoutSeconds);

        [LoggerMessage(EventId = 1003, EventName = "RtmpHandshakeIncomplete", Level = LogLevel.Warning,
            Message = "RTMP connection {ConnectionId} closed by the peer during the handshake: {Packet} has {Received} of {Expected} bytes")]
        public static partial void HandshakeIncomplete(ILogger logger, string connectionId, string packet, long received, int expected);

        [LoggerMessage(EventId = 1004, EventName = "RtmpProtocolError", Level = LogLevel.Warning,
            Message = "RTMP connection {ConnectionId} closed: protocol error: {Reason}")]
        public static partial void ProtocolError(ILogger logger, string connectionId, string reason);

        [LoggerMessage(EventId = 1005, EventName = "RtmpMalformedAmf", Level = LogLevel.Warning,
            Message = "RTMP connection {ConnectionId} closed: malformed AMF0: {Reason}")]
        public static partial void MalformedAmf(ILogger logger, string connectionId, string reason);

        [LoggerMessage(EventId = 1006, EventName = "RtmpIdleTimeout", Level = LogLevel.Warning,
            Message = "RTMP connection {ConnectionId} closed: nothing received for {TimeoutSeconds} s")]
        public static partial void IdleTimeout(ILogger logger, string connectionId, double timeoutSeconds);

        [LoggerMessage(EventId = 1007, EventName = "RtmpPeerClosed", Level = LogLevel.Debug,
            Message = "RTMP connection {ConnectionId} closed by the peer")]
        public static partial void PeerClosed(ILogger logger, string connectionId);

        [LoggerMessage(EventId = 1008, EventName = "RtmpConnectionReset", Level = LogLevel.Debug,
            Message = "RTMP connection {ConnectionId} reset: {Reason}")]
        public static partial void ConnectionReset(ILogger logger, string connectionId, string reason);

        [LoggerMessage(EventId = 1009, EventName = "RtmpConnectionAborted", Level = LogLevel.Debug,
            Message = "RTMP connection {ConnectionId} aborted (server shutdown or transport closed)")]
        public static partial void ConnectionAborted(ILogger logger, string connectionId);

        [LoggerMessage(EventId = 1010, EventName = "RtmpConnectionClosed", Level = LogLevel.Debug,
            Message = "RTMP connection {ConnectionId} finished after {BytesReceived} bytes")]
        public static partial void ConnectionClosed(ILogger logger, string connectionId, long bytesReceived);

        [LoggerMessage(EventId = 1011, EventName = "RtmpConnected", Level = LogLevel.Information,
            Message = "RTMP connection {ConnectionId}: connect app '{App}' tcUrl '{TcUrl}' flashVer '{FlashVer}'")]
        public static partial void Connected(ILogger logger, string connectionId, string app, string? tcUrl, string? flashVer);

        [LoggerMessage(EventId = 1012, EventName = "RtmpPublishStarted", Level = LogLevel.Information,
            Message = "RTMP connection {ConnectionId}: publish accepted on app '{App}' from {RemoteEndPoint}")]
        public static partial void PublishStarted(ILogger logger, string connectionId, string app, EndPoint? remoteEndPoint);

        [LoggerMessage(EventId = 1013, EventName = "RtmpPublishRejected", Level = LogLevel.Warning,
            Message = "RTMP connection {ConnectionId}: publish on app '{App}' rejected ({Rejection}: {Description}); closing")]
        public static partial void PublishRejected(ILogger logger, string connectionId, string app, RtmpPublishRejection rejection, string description);

        [LoggerMessage(EventId = 1014, EventName = "RtmpUnpublished", Level = LogLevel.Information,
            Message = "RTMP connection {ConnectionId}: stream ended ({Reason})")]
        public static partial void Unpublished(ILogger logger, string connectionId, RtmpUnpublishReason reason);

        [LoggerMessage(EventId = 1015, EventName = "RtmpPeerChunkSize", Level = LogLevel.Debug,
            Message = "RTMP connection {ConnectionId}: peer chunk size {ChunkSize}")]
        public static partial void PeerChunkSize(ILogger logger, string connectionId, uint chunkSize);

        [LoggerMessage(EventId = 1016, EventName = "RtmpCommandIgnored", Level = LogLevel.Debug,
            Message = "RTMP connection {ConnectionId}: command '{Command}' ignored")]
        public static partial void CommandIgnored(ILogger logger, string connectionId, string command);

        [LoggerMessage(EventId = 1017, EventName = "RtmpDataIgnored", Level = LogLevel.Debug,
            Message = "RTMP connection {ConnectionId}: data message '{Name}' ignored")]
        public static partial void DataIgnored(ILogger logger, string connectionId, string name);

        [LoggerMessage(EventId = 1018, EventName = "RtmpMessageIgnored", Level = LogLevel.Debug,
            Message = "RTMP connection {ConnectionId}: message type {TypeId} ignored")]
        public static partial void MessageIgnored(ILogger logger, string connectionId, byte typeId);

        [LoggerMessage(EventId = 1019, EventName = "RtmpMediaWithoutPublish", Level = LogLevel.Debug,
            Message = "RTMP connection {ConnectionId}: media on message stream {MessageStreamId}, which is not the published stream (any more), is dropped")]
        public static partial void MediaWithoutPublish(ILogger logger, string connectionId, uint messageStreamId);

        [LoggerMessage(EventId = 1020, EventName = "RtmpPublishHandlerFailed", Level = LogLevel.Error,
            Message = "RTMP connection {ConnectionId}: the publish handler failed for app '{App}'; publish rejected")]
        public static partial void PublishHandlerFailed(ILogger logger, string connectionId, string app, Exception exception);

        [LoggerMessage(EventId = 1021, EventName = "RtmpSinkFailed", Level = LogLevel.Error,
            Message = "RTMP connection {ConnectionId}: the media sink failed while ending the stream")]
        public static partial void SinkFailed(ILogger logger, string connectionId, Exception exception);

        [LoggerMessage(EventId = 1022, EventName = "RtmpUnexpectedError", Level = LogLevel.Error,
            Message = "RTMP connection {ConnectionId} closed after an unexpected error")]
        public static partial void UnexpectedError(ILogger logger, string connectionId, Exception exception);

        [LoggerMessage(EventId = 1023, EventName = "RtmpServerClosing", Level = LogLevel.Information,
            Message = "RTMP connection {ConnectionId} closed: the server is shutting down")]
        public static partial void ServerClosing(ILogger logger, string connectionId);

        [LoggerMessage(EventId = 1024, EventName = "RtmpPrePublishLimit", Level = LogLevel.Warning,
            Message = "RTMP connection {ConnectionId} closed before publish: {Reason}")]
        public static partial void PrePublishLimit(ILogger logger, string connectionId, string reason);

        [LoggerMessage(EventId = 1025, EventName = "RtmpConnectionsPerAddressLimit", Level = LogLevel.Warning,
            Message = "RTMP connection {ConnectionId} from {RemoteEndPoint} refused: {Open} connections from this address are open, the limit is {Limit}")]
        public static partial void ConnectionsPerAddressLimit(ILogger logger, string connectionId, EndPoint? remoteEndPoint, int open, int limit);

        [LoggerMessage(EventId = 1026, EventName = "RtmpConnectionsLimit", Level = LogLevel.Warning,
            Message = "RTMP connection {ConnectionId} from {RemoteEndPoint} refused: {Open} RTMP connections are open, the limit is {Limit}")]
        public static partial void ConnectionsLimit(ILogger logger, string connectionId, EndPoint? remoteEndPoint, int open, int limit);

        [LoggerMessage(EventId = 1027, EventName = "RtmpPlayStarted", Level = LogLevel.Information,
            Message = "RTMP connection {ConnectionId}: playing {App}/{StreamName} for {RemoteEndPoint}")]
        public static partial void PlayStarted(ILogger logger, string connectionId, string app, string streamName, EndPoint? remoteEndPoint);

        [LoggerMessage(EventId = 1028, EventName = "RtmpPlayNotFound", Level = LogLevel.Information,
            Message = "RTMP connection {ConnectionId}: play in {App} refused, no such live stream (the name is not logged: it may be a stream key)")]
        public static partial void PlayNotFound(ILogger logger, string connectionId, string app);

        [LoggerMessage(EventId = 1029, EventName = "RtmpPlayEnded", Level = LogLevel.Debug,
            Message = "RTMP connection {ConnectionId}: the played stream ended after {Bytes} bytes")]
        public static partial void PlayEnded(ILogger logger, string connectionId, long bytes);

        [LoggerMessage(EventId = 1030, EventName = "RtmpPlayerDropped", Level = LogLevel.Information,
            Message = "RTMP connection {ConnectionId}: player too slow or stalled, closed after {Bytes} bytes")]
        public static partial void PlayerDropped(ILogger logger, string connectionId, long bytes);

        [LoggerMessage(EventId = 1031, EventName = "RtmpPlayHandlerFailed", Level = LogLevel.Error,
            Message = "RTMP connection {ConnectionId}: the play handler failed; the play is refused")]
        public static partial void PlayHandlerFailed(ILogger logger, string connectionId, Exception exception);
    }
}
