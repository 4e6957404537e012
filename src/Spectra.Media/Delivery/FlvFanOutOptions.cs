using System.ComponentModel.DataAnnotations;

namespace Spectra.Media.Delivery;

/// <summary>
/// Limits of the FLV fan-out (HTTP-FLV, WebSocket-FLV, RTMP play), bound from the "FlvDelivery" section.
/// </summary>
/// <remarks>Valid ranges are the <see cref="RangeAttribute"/>s on the properties, checked at start-up.</remarks>
public sealed class FlvFanOutOptions
{
    public const string SectionName = "FlvDelivery";

    /// <summary>
    /// Tag bytes one viewer may have waiting (default 4 MiB, about 5 s at 6 Mbit/s). Beyond it the viewer's
    /// queue is dropped and it resumes at the next keyframe. The bytes are shared with every other viewer.
    /// </summary>
    [Range(64d * 1024, 256d * 1024 * 1024)]
    public long MaxQueuedBytes { get; set; } = 4L * 1024 * 1024;

    /// <summary>Tags one viewer may have waiting (default 2048, about 20 s of 30 fps video with AAC audio).</summary>
    [Range(16, 1_000_000)]
    public int MaxQueuedTags { get; set; } = 2048;

    /// <summary>
    /// Largest group of pictures kept for joining viewers (default 8 MiB). A longer GOP is not cached:
    /// viewers joining during it wait for the next keyframe.
    /// </summary>
    [Range(0d, 256d * 1024 * 1024)]
    public long MaxGopCacheBytes { get; set; } = 8L * 1024 * 1024;

    /// <summary>
    /// A viewer that keeps overflowing its queue (overflows less than this apart) for longer than this is
    /// closed (default 10 s). A single overflow only makes it skip to the next keyframe.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:01", "00:10:00")]
    public TimeSpan SlowViewerTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>A viewer that takes nothing from its queue for this long is closed (default 10 s).</summary>
    [Range(typeof(TimeSpan), "00:00:00.1", "00:10:00")]
    public TimeSpan StalledViewerTimeout { get; set; } = TimeSpan.FromSeconds(10);
}
