namespace Spectra.Media.Transcoding;

/// <summary>
/// Ladder and transcoder settings, bound from the "Transcoding" configuration section and
/// validated at start-up by <see cref="LadderOptionsValidator"/>.
/// </summary>
public sealed class LadderOptions
{
    public const string SectionName = "Transcoding";

    /// <summary>
    /// <see cref="TranscodingMode.Ladder"/> (default): the source rendition is packaged in-process and
    /// ffmpeg encodes the rungs; <see cref="TranscodingMode.Passthrough"/>: the source rendition only,
    /// no ffmpeg. Environment: <c>Transcoding__Mode</c>.
    /// </summary>
    public TranscodingMode Mode { get; set; } = TranscodingMode.Ladder;

    /// <summary>
    /// Encoded renditions. Empty (the default) means <see cref="DefaultRenditions"/>; configuration
    /// replaces the whole list rather than appending to the defaults.
    /// </summary>
    public IList<LadderRendition> Renditions { get; set; } = new List<LadderRendition>();

    /// <summary>Offer the publisher's own stream unchanged ("source") when it is H.264 with AAC or no audio.</summary>
    public bool SourcePassthrough { get; set; } = true;

    /// <summary>
    /// Serve an audio-only publisher (AAC or MP3) as a single audio-only rendition "audio". Off by
    /// default: an audio-only session is then not served (and never goes live), only reported.
    /// </summary>
    public bool AudioOnlyRendition { get; set; }

    /// <summary>x264 preset (ultrafast … veryslow).</summary>
    public string Preset { get; set; } = "veryfast";

    /// <summary>x264 tune; "zerolatency" drops B-frames and look-ahead for lower latency. Empty for none.</summary>
    public string Tune { get; set; } = "zerolatency";

    /// <summary>Keyframe interval of encoded renditions in seconds (0.25–10); keep it at or below the packager's target segment duration.</summary>
    public double GopSeconds { get; set; } = 1.0;

    public KeyframeAlignment KeyframeAlignment { get; set; } = KeyframeAlignment.FixedInterval;

    /// <summary>ffmpeg executable: a name looked up on PATH or an absolute path.</summary>
    public string FfmpegPath { get; set; } = "ffmpeg";

    /// <summary>One JPEG thumbnail every this many seconds (5–3600); 0 disables thumbnails.</summary>
    public int ThumbnailIntervalSeconds { get; set; } = 30;

    /// <summary>Thumbnail height in pixels.</summary>
    public int ThumbnailHeight { get; set; } = 360;

    /// <summary>After stdin is closed, how long ffmpeg may take to flush and exit before its process tree is killed.</summary>
    public TimeSpan StopTimeout { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>First delay before restarting a crashed ffmpeg; doubles on every crash up to <see cref="MaxRestartDelay"/>.</summary>
    public TimeSpan InitialRestartDelay { get; set; } = TimeSpan.FromMilliseconds(500);

    public TimeSpan MaxRestartDelay { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>A generation that ran this long resets the restart delay to <see cref="InitialRestartDelay"/>.</summary>
    public TimeSpan StableRunTime { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>720p/480p/360p at 2800/1400/800 kbit/s video, 128/128/96 kbit/s audio.</summary>
    public static IReadOnlyList<LadderRendition> DefaultRenditions { get; } =
    [
        new() { Name = "720p", Height = 720, VideoBitrateKbps = 2800, MaxRateKbps = 2996, BufferSizeKbps = 4200, AudioBitrateKbps = 128 },
        new() { Name = "480p", Height = 480, VideoBitrateKbps = 1400, MaxRateKbps = 1498, BufferSizeKbps = 2100, AudioBitrateKbps = 128 },
        new() { Name = "360p", Height = 360, VideoBitrateKbps = 800, MaxRateKbps = 856, BufferSizeKbps = 1200, AudioBitrateKbps = 96 },
    ];

    public IReadOnlyList<LadderRendition> EffectiveRenditions => Renditions.Count > 0 ? (IReadOnlyList<LadderRendition>)Renditions : DefaultRenditions;
}
