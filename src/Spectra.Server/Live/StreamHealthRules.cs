using Spectra.Media.Live;

namespace Spectra.Server.Live;

/// <summary>Turns a health sample into the warnings the dashboard shows (in addition to those the media plane reports).</summary>
internal static class StreamHealthRules
{
    public static IReadOnlyList<StreamHealthWarning> Evaluate(StreamHealth health, LiveOptions options)
    {
        ArgumentNullException.ThrowIfNull(health);
        ArgumentNullException.ThrowIfNull(options);
        var warnings = new List<StreamHealthWarning>(health.Warnings.Count + 2);
        warnings.AddRange(health.Warnings);
        if (health.VideoCodec is null && health.AudioCodec is not null)
        {
            Add(warnings, StreamHealthWarning.NoVideo, "Only audio arrives. Add a video source in your encoder: viewers need video to watch.");
        }
        else if (health.VideoCodec is { } video && !video.StartsWith("avc1", StringComparison.Ordinal) && !video.Equals("h264", StringComparison.OrdinalIgnoreCase))
        {
            Add(warnings, StreamHealthWarning.UnsupportedVideoCodec, $"Video codec '{video}' is not supported. Set your encoder to H.264 (x264 or a hardware H.264 encoder).");
        }

        if (health.AudioCodec is { } audio && !audio.StartsWith("mp4a", StringComparison.Ordinal) && !audio.Equals("mp3", StringComparison.OrdinalIgnoreCase))
        {
            Add(warnings, StreamHealthWarning.UnsupportedAudioCodec, $"Audio codec '{audio}' is not supported; viewers get no sound. Set your encoder to AAC.");
        }

        if (health.KeyframeIntervalSeconds is { } interval && interval > options.MaxKeyframeIntervalSeconds)
        {
            Add(warnings, StreamHealthWarning.KeyframeInterval, $"Keyframe interval is {interval:0.#} s; set it to 2 s or less (OBS: Output → Keyframe Interval) for low latency and quality switching.");
        }

        if (health.TranscoderSpeed is { } speed && speed < options.MinTranscoderSpeed)
        {
            Add(warnings, StreamHealthWarning.TranscoderSlow, $"The server transcodes at {speed:0.00}× real time and falls behind. Lower your resolution or frame rate, or reduce the quality ladder.");
        }

        return warnings;
    }

    private static void Add(List<StreamHealthWarning> warnings, string code, string message)
    {
        foreach (var existing in warnings)
        {
            if (existing.Code == code)
            {
                return;
            }
        }

        warnings.Add(new StreamHealthWarning(code, message));
    }
}
