using Microsoft.Extensions.Logging;

namespace Spectra.Media.Recording;

public sealed partial class LiveRecorder
{
    private static partial class Log
    {
        [LoggerMessage(EventId = 4700, EventName = "RecordingStarted", Level = LogLevel.Information, Message = "Channel '{Channel}': recording {RecordingId} of {Renditions} renditions started")]
        public static partial void Started(ILogger logger, string channel, Guid recordingId, int renditions);

        [LoggerMessage(EventId = 4701, EventName = "RecordingSegmentDropped", Level = LogLevel.Warning, Message = "Channel '{Channel}': recording {RecordingId} dropped segment {Sequence} of {Rendition}: storage is behind by more than Recording:MaxPendingBytes")]
        public static partial void SegmentDropped(ILogger logger, string channel, Guid recordingId, string rendition, long sequence);

        [LoggerMessage(EventId = 4702, EventName = "RecordingSegmentNotStored", Level = LogLevel.Warning, Message = "Channel '{Channel}': recording {RecordingId} could not store segment {Sequence} of {Rendition}; the recording has a gap there")]
        public static partial void SegmentNotStored(ILogger logger, string channel, Guid recordingId, string rendition, long sequence, Exception exception);

        [LoggerMessage(EventId = 4703, EventName = "RecordingJournalNotStored", Level = LogLevel.Warning, Message = "Channel '{Channel}': recording {RecordingId} could not store the journal of {Rendition}; it is retried with the next segment")]
        public static partial void JournalNotStored(ILogger logger, string channel, Guid recordingId, string rendition, Exception exception);

        [LoggerMessage(EventId = 4704, EventName = "RecordingFlushTimedOut", Level = LogLevel.Warning, Message = "Channel '{Channel}': recording {RecordingId} could not store its queued segments within {Seconds} s; the rest is dropped")]
        public static partial void FlushTimedOut(ILogger logger, string channel, Guid recordingId, double seconds);

        [LoggerMessage(EventId = 4705, EventName = "RecordingCompleted", Level = LogLevel.Information, Message = "Channel '{Channel}': recording {RecordingId} completed: {Segments} segments, {Bytes} bytes stored, {Lost} lost")]
        public static partial void Completed(ILogger logger, string channel, Guid recordingId, long segments, long bytes, long lost);
    }
}
