using Microsoft.Extensions.Logging;
using Spectra.Media.Mp4;

namespace Spectra.Media.Packaging;

internal sealed partial class CmafPackager
{
    private static partial class Log
    {
        [LoggerMessage(EventId = 2101, EventName = "PackagerGenerationStarted", Level = LogLevel.Information,
            Message = "Rendition {Rendition}: generation {Generation} started, codecs {Codecs}, first sequence {FirstSequence}")]
        public static partial void GenerationStarted(ILogger logger, string rendition, int generation, string? codecs, long firstSequence);

        [LoggerMessage(EventId = 2102, EventName = "PackagerSegmentAdded", Level = LogLevel.Debug,
            Message = "Rendition {Rendition}: segment {Sequence} added, {DurationMs} ms, {Bytes} bytes, {Fragments} fragments")]
        public static partial void SegmentAdded(ILogger logger, string rendition, long sequence, double durationMs, int bytes, int fragments);

        [LoggerMessage(EventId = 2103, EventName = "PackagerMalformedInput", Level = LogLevel.Warning,
            Message = "Rendition {Rendition}: malformed fragmented MP4 at offset {Offset} (box {BoxType}); the segment in progress is dropped")]
        public static partial void MalformedInput(ILogger logger, string rendition, long offset, string? boxType, Mp4FormatException exception);

        [LoggerMessage(EventId = 2104, EventName = "PackagerBoxSkipped", Level = LogLevel.Debug,
            Message = "Rendition {Rendition}: top-level box {BoxType} at offset {Offset} skipped")]
        public static partial void BoxSkipped(ILogger logger, string rendition, string boxType, long offset);

        [LoggerMessage(EventId = 2105, EventName = "PackagerLeadingFragmentDropped", Level = LogLevel.Warning,
            Message = "Rendition {Rendition}: fragment {FragmentSequence} does not start with a sync sample and no segment is open; dropped")]
        public static partial void LeadingFragmentDropped(ILogger logger, string rendition, uint fragmentSequence);

        [LoggerMessage(EventId = 2106, EventName = "PackagerStreamEnded", Level = LogLevel.Information,
            Message = "Rendition {Rendition}: input ended after {Bytes} bytes, generation {Generation}")]
        public static partial void StreamEnded(ILogger logger, string rendition, long bytes, int generation);

        [LoggerMessage(EventId = 2108, EventName = "PackagerNoCutPoint", Level = LogLevel.Warning,
            Message = "Rendition {Rendition}: {DurationMs} ms without a fragment starting on a keyframe; segments will be long (encoder GOP too long, or ffmpeg without -movflags +frag_keyframe)")]
        public static partial void NoCutPoint(ILogger logger, string rendition, double durationMs);

        [LoggerMessage(EventId = 2107, EventName = "PackagerWindowHandlerFailed", Level = LogLevel.Error,
            Message = "Rendition {Rendition}: a live window subscriber threw")]
        public static partial void WindowHandlerFailed(ILogger logger, string rendition, Exception exception);
    }
}
