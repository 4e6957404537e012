using Spectra.Media.Live;

namespace Spectra.Server.Live;

internal sealed partial class LiveSessionManager
{
    private static partial class Log
    {
        [LoggerMessage(EventId = 3001, Level = LogLevel.Information, Message = "Channel {Channel}: publisher {ConnectionId} started session {SessionId}")]
        public static partial void PublisherStarted(ILogger logger, string channel, string connectionId, Guid sessionId);

        [LoggerMessage(EventId = 3002, Level = LogLevel.Information, Message = "Channel {Channel}: publisher {ConnectionId} resumed session {SessionId} (reconnect {Reconnects})")]
        public static partial void PublisherResumed(ILogger logger, string channel, string connectionId, Guid sessionId, int reconnects);

        [LoggerMessage(EventId = 3011, Level = LogLevel.Warning, Message = "Channel {Channel}: publish from {ConnectionId} refused, the site already carries its limit of {Limit} live streams (Live:MaxConcurrentStreams)")]
        public static partial void AtCapacity(ILogger logger, string channel, string connectionId, int limit);

        [LoggerMessage(EventId = 3003, Level = LogLevel.Warning, Message = "Channel {Channel}: second publisher {ConnectionId} rejected; {LiveConnectionId} keeps publishing")]
        public static partial void SecondPublisherRejected(ILogger logger, string channel, string connectionId, string? liveConnectionId);

        [LoggerMessage(EventId = 3004, Level = LogLevel.Information, Message = "Channel {Channel}: publisher {ConnectionId} left ({Reason}); offline in {GraceSeconds} s unless it returns")]
        public static partial void PublisherLeft(ILogger logger, string channel, string connectionId, LiveSourceEndReason reason, double graceSeconds);

        [LoggerMessage(EventId = 3005, Level = LogLevel.Information, Message = "Channel {Channel} is live (session {SessionId})")]
        public static partial void WentOnline(ILogger logger, string channel, Guid sessionId);

        [LoggerMessage(EventId = 3006, Level = LogLevel.Information, Message = "Channel {Channel} is offline (session {SessionId}, {Reason})")]
        public static partial void WentOffline(ILogger logger, string channel, Guid sessionId, string reason);

        [LoggerMessage(EventId = 3007, Level = LogLevel.Error, Message = "Channel {Channel}: the media pipeline failed to start")]
        public static partial void MediaStartFailed(ILogger logger, string channel, Exception exception);

        [LoggerMessage(EventId = 3008, Level = LogLevel.Error, Message = "Channel {Channel}: stopping the media pipeline failed")]
        public static partial void MediaStopFailed(ILogger logger, string channel, Exception exception);

        [LoggerMessage(EventId = 3009, Level = LogLevel.Error, Message = "Channel {Channel}: recording live state of session {SessionId} failed")]
        public static partial void StateWriteFailed(ILogger logger, string channel, Guid sessionId, Exception exception);

        [LoggerMessage(EventId = 3010, Level = LogLevel.Warning, Message = "Closed {Count} stream session(s) left open by a previous run")]
        public static partial void InterruptedSessionsClosed(ILogger logger, int count);
    }
}
