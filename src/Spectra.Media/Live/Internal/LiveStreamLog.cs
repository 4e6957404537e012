using Microsoft.Extensions.Logging;

namespace Spectra.Media.Live.Internal;

/// <summary>
/// The log messages of a <see cref="LiveStream"/> and its parts, written to the stream's logger (category
/// <c>Spectra.Media.Live.LiveStream</c>) whichever part reports them, so event ids and categories stay put.
/// </summary>
internal static partial class LiveStreamLog
{
    [LoggerMessage(EventId = 4200, EventName = "LiveStreamStarted", Level = LogLevel.Information, Message = "Live stream '{Channel}' started")]
    public static partial void Started(ILogger logger, string channel);

    [LoggerMessage(EventId = 4201, EventName = "LiveStreamVideoDetected", Level = LogLevel.Information, Message = "Live stream '{Channel}': video {Codec} {Width}x{Height}")]
    public static partial void VideoDetected(ILogger logger, string channel, string codec, int width, int height);

    [LoggerMessage(EventId = 4202, EventName = "LiveStreamAudioDetected", Level = LogLevel.Information, Message = "Live stream '{Channel}': audio {Codec} {SampleRate} Hz, {Channels} channel(s)")]
    public static partial void AudioDetected(ILogger logger, string channel, string codec, int sampleRate, int channels);

    [LoggerMessage(EventId = 4203, EventName = "LiveStreamPlanned", Level = LogLevel.Information, Message = "Live stream '{Channel}': ladder [{Renditions}], warnings {Warnings}")]
    public static partial void Planned(ILogger logger, string channel, string renditions, string warnings);

    [LoggerMessage(EventId = 4204, EventName = "LiveStreamInputPrimed", Level = LogLevel.Debug, Message = "Live stream '{Channel}': transcoder generation {Generation} fed from keyframe at {TimestampMs} ms")]
    public static partial void InputPrimed(ILogger logger, string channel, int generation, uint timestampMs);

    [LoggerMessage(EventId = 4205, EventName = "LiveStreamFirstSegment", Level = LogLevel.Information, Message = "Live stream '{Channel}': first segment of every rendition ready after {ElapsedMs} ms")]
    public static partial void FirstSegmentReady(ILogger logger, string channel, double elapsedMs);

    [LoggerMessage(EventId = 4206, EventName = "LiveStreamHealth", Level = LogLevel.Debug, Message = "Live stream '{Channel}': {BitsPerSecond} bit/s, {Fps} fps, speed {Speed}, warnings {Warnings}")]
    public static partial void HealthSampled(ILogger logger, string channel, long bitsPerSecond, double fps, double speed, string warnings);

    [LoggerMessage(EventId = 4207, EventName = "LiveStreamThumbnail", Level = LogLevel.Debug, Message = "Live stream '{Channel}': thumbnail updated ({Bytes} bytes)")]
    public static partial void ThumbnailUpdated(ILogger logger, string channel, int bytes);

    [LoggerMessage(EventId = 4208, EventName = "LiveStreamThumbnailRejected", Level = LogLevel.Warning, Message = "Live stream '{Channel}': thumbnail rejected: {Reason}")]
    public static partial void ThumbnailRejected(ILogger logger, string channel, string reason);

    [LoggerMessage(EventId = 4209, EventName = "LiveStreamHandlerFailed", Level = LogLevel.Error, Message = "Live stream '{Channel}': a {Event} handler failed")]
    public static partial void HandlerFailed(ILogger logger, string channel, string @event, Exception exception);

    [LoggerMessage(EventId = 4210, EventName = "LiveStreamCleanupFailed", Level = LogLevel.Warning, Message = "Cannot delete '{Path}': {Reason}")]
    public static partial void CleanupFailed(ILogger logger, string path, string reason);

    [LoggerMessage(EventId = 4212, EventName = "LiveStreamTranscoderStalled", Level = LogLevel.Warning, Message = "Live stream '{Channel}': ffmpeg {ProcessId} reported no progress for {Seconds:F1} s while media arrives; killing it")]
    public static partial void TranscoderStalled(ILogger logger, string channel, int processId, double seconds);

    [LoggerMessage(EventId = 4213, EventName = "LiveStreamSourceConfigurationChanged", Level = LogLevel.Information, Message = "Live stream '{Channel}': new video configuration ({Width}x{Height}); restarting ffmpeg {ProcessId}")]
    public static partial void SourceConfigurationChanged(ILogger logger, string channel, int width, int height, int processId);

    [LoggerMessage(EventId = 4211, EventName = "LiveStreamStopped", Level = LogLevel.Information, Message = "Live stream '{Channel}' stopped ({Restarts} transcoder restarts, {Dropped} dropped and {Late} late tags)")]
    public static partial void Stopped(ILogger logger, string channel, int restarts, long dropped, long late);
}
