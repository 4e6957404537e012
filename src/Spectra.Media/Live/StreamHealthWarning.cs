namespace Spectra.Media.Live;

/// <summary>A health problem: a stable machine-readable <paramref name="Code"/> and a sentence for the creator.</summary>
public sealed record StreamHealthWarning(string Code, string Message)
{
    public const string KeyframeInterval = "keyframe-interval";
    public const string UnsupportedVideoCodec = "unsupported-video-codec";
    public const string UnsupportedAudioCodec = "unsupported-audio-codec";
    public const string NoVideo = "no-video";
    public const string TranscoderSlow = "transcoder-slow";
    public const string TranscoderRestarted = "transcoder-restarted";
    public const string NoAudio = "no-audio";
    public const string DataDropped = "data-dropped";
    public const string TimestampsOutOfOrder = "timestamps-out-of-order";
    public const string LinkLoss = "link-loss";

    /// <summary>The sample's <see cref="IngestWarnings"/> in the creator's words, most serious first.</summary>
    public static IReadOnlyList<StreamHealthWarning> From(IngestHealth sample)
    {
        ArgumentNullException.ThrowIfNull(sample);
        var warnings = new List<StreamHealthWarning>();
        var flags = sample.Warnings;
        if (flags.HasFlag(IngestWarnings.UnsupportedVideoCodec))
        {
            warnings.Add(new(UnsupportedVideoCodec, $"Video codec '{sample.VideoCodec}' is not supported, so nothing can be shown. Set your encoder to H.264 (x264 or a hardware H.264 encoder)."));
        }

        if (flags.HasFlag(IngestWarnings.AudioOnly))
        {
            warnings.Add(AudioOnly());
        }

        if (flags.HasFlag(IngestWarnings.UnsupportedAudioCodec))
        {
            warnings.Add(AudioCodecNotSupported(sample.AudioCodec));
        }

        if (flags.HasFlag(IngestWarnings.VideoOnly))
        {
            warnings.Add(new(NoAudio, "No audio arrives; viewers get a silent stream."));
        }

        if (flags.HasFlag(IngestWarnings.KeyframeIntervalTooLong))
        {
            warnings.Add(KeyframeIntervalTooLong(sample.KeyframeIntervalSeconds));
        }

        if (flags.HasFlag(IngestWarnings.TranscoderSlow))
        {
            warnings.Add(TranscoderTooSlow(sample.TranscoderSpeed));
        }

        if (flags.HasFlag(IngestWarnings.TranscoderRestarting))
        {
            warnings.Add(new(TranscoderRestarted, "The transcoder restarted; viewers may have seen a short interruption."));
        }

        if (flags.HasFlag(IngestWarnings.DataDropped))
        {
            warnings.Add(new(DataDropped, "Media was dropped because the server could not keep up."));
        }

        if (flags.HasFlag(IngestWarnings.LinkLoss))
        {
            warnings.Add(new(LinkLoss, $"Your SRT link lost packets its latency ({sample.Transport?.LatencyMs ?? 0} ms) could not repair; viewers may see glitches. Raise the latency in your encoder's SRT URL (latency=, in microseconds) or lower your bitrate."));
        }

        if (flags.HasFlag(IngestWarnings.TimestampsOutOfOrder))
        {
            warnings.Add(new(TimestampsOutOfOrder, "Your encoder sent timestamps going backwards; those frames were dropped."));
        }

        return warnings;
    }

    /// <summary><see cref="NoVideo"/>: only audio arrives.</summary>
    public static StreamHealthWarning AudioOnly() =>
        new(NoVideo, "Only audio arrives. Add a video source in your encoder: viewers need video to watch.");

    /// <summary><see cref="UnsupportedAudioCodec"/>, naming the codec.</summary>
    public static StreamHealthWarning AudioCodecNotSupported(string? codec) =>
        new(UnsupportedAudioCodec, $"Audio codec '{codec}' is not supported; viewers get no sound. Set your encoder to AAC.");

    /// <summary><see cref="KeyframeInterval"/>, with the interval in seconds.</summary>
    public static StreamHealthWarning KeyframeIntervalTooLong(double? seconds) =>
        new(KeyframeInterval, $"Keyframe interval is {seconds:0.#} s; set it to 2 s or less (OBS: Output → Keyframe Interval) for low latency and quality switching.");

    /// <summary><see cref="TranscoderSlow"/>, with the speed in × real time.</summary>
    public static StreamHealthWarning TranscoderTooSlow(double? speed) =>
        new(TranscoderSlow, $"The server transcodes at {speed:0.00}× real time and falls behind. Lower your resolution or frame rate, or reduce the quality ladder.");
}
