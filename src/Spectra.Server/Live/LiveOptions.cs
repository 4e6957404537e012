using System.ComponentModel.DataAnnotations;

namespace Spectra.Server.Live;

/// <summary>Configuration section "Live": how live state follows the publishers.</summary>
internal sealed class LiveOptions
{
    public const string SectionName = "Live";

    /// <summary>
    /// Live streams the whole site carries at once (a stream in its reconnect grace counts). A publish
    /// beyond it is refused with an RTMP error saying so. Each stream costs CPU (transcoding) and memory
    /// (live window), so size it to the machine. Default 10. Live__MaxConcurrentStreams.
    /// </summary>
    [Range(1, 10_000)]
    public int MaxConcurrentStreams { get; set; } = 10;

    /// <summary>
    /// After the publisher disconnects, the channel stays live this long; a publisher with the same key that
    /// reconnects within it resumes the same session (the playlist continues after a discontinuity).
    /// 0–5 min, default 10 s. Environment: Live__OfflineGrace (for example "00:00:10").
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:05:00")]
    public TimeSpan OfflineGrace { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>
    /// Interval of the comment line sent on idle /live/events connections so proxies keep them open.
    /// 1–120 s, default 15 s.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:01", "00:02:00")]
    public TimeSpan EventsHeartbeat { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>
    /// How often /live/events sends one <c>viewers</c> event with the viewer counts that changed since the last
    /// one (counts change every few seconds; one coalesced event keeps busy pages quiet). 1–60 s, default 5 s.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:01", "00:01:00")]
    public TimeSpan ViewersEventInterval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>Keyframe intervals above this many seconds raise a health warning. Default 4 s.</summary>
    [Range(0.5, 60)]
    public double MaxKeyframeIntervalSeconds { get; set; } = 4;

    /// <summary>A transcoder speed below this fraction of real time raises a health warning. Default 0.95.</summary>
    [Range(0.1, 1)]
    public double MinTranscoderSpeed { get; set; } = 0.95;
}
