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
            Add(warnings, StreamHealthWarning.AudioOnly());
        }
        else if (health.VideoCodec is { } video && !video.StartsWith("avc1", StringComparison.Ordinal) && !video.Equals("h264", StringComparison.OrdinalIgnoreCase))
        {
            Add(warnings, new StreamHealthWarning(StreamHealthWarning.UnsupportedVideoCodec, $"Video codec '{video}' is not supported. Set your encoder to H.264 (x264 or a hardware H.264 encoder)."));
        }

        if (health.AudioCodec is { } audio && !audio.StartsWith("mp4a", StringComparison.Ordinal) && !audio.Equals("mp3", StringComparison.OrdinalIgnoreCase))
        {
            Add(warnings, StreamHealthWarning.AudioCodecNotSupported(audio));
        }

        if (health.KeyframeIntervalSeconds is { } interval && interval > options.MaxKeyframeIntervalSeconds)
        {
            Add(warnings, StreamHealthWarning.KeyframeIntervalTooLong(interval));
        }

        if (health.TranscoderSpeed is { } speed && speed < options.MinTranscoderSpeed)
        {
            Add(warnings, StreamHealthWarning.TranscoderTooSlow(speed));
        }

        return warnings;
    }

    private static void Add(List<StreamHealthWarning> warnings, StreamHealthWarning warning)
    {
        foreach (var existing in warnings)
        {
            if (existing.Code == warning.Code)
            {
                return;
            }
        }

        warnings.Add(warning);
    }
}
