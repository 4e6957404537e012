using System.Globalization;

namespace Spectra.Media.Transcoding;

/// <summary>Per-rendition video mapping and x264 settings.</summary>
internal static class FfmpegVideoArguments
{
    /// <summary>
    /// Encoded rendition: every encoder gets the same -g and forced keyframe times and no scene-cut
    /// keyframes, so keyframes (and therefore segments) line up across renditions.
    /// </summary>
    public static void AppendEncoded(List<string> arguments, int planIndex, PlannedRendition rendition, LadderPlan plan, LadderOptions options)
    {
        ArgumentNullException.ThrowIfNull(arguments);
        ArgumentNullException.ThrowIfNull(rendition);
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(options);
        var inv = CultureInfo.InvariantCulture;
        int gopFrames = GopFrames(plan, options);
        arguments.AddRange(["-map", $"[{FfmpegFilterGraph.VideoLabel(planIndex)}]", "-c:v", "libx264", "-preset", options.Preset]);
        if (!string.IsNullOrEmpty(options.Tune))
        {
            arguments.AddRange(["-tune", options.Tune]);
        }

        arguments.AddRange(
        [
            "-profile:v", "high",
            "-b:v", string.Create(inv, $"{rendition.VideoBitrateKbps}k"),
            "-maxrate", string.Create(inv, $"{rendition.MaxRateKbps}k"),
            "-bufsize", string.Create(inv, $"{rendition.BufferSizeKbps}k"),
            "-g", gopFrames.ToString(inv),
            "-sc_threshold", "0",
            "-force_key_frames", KeyframeExpression(options),
        ]);
    }

    /// <summary>Source passthrough: the publisher's H.264 copied unchanged.</summary>
    public static void AppendPassthrough(List<string> arguments)
    {
        ArgumentNullException.ThrowIfNull(arguments);
        arguments.AddRange(["-map", "0:v:0", "-c:v", "copy"]);
    }

    /// <summary>GOP length in frames for -g: the interval in fixed mode, 10 s in source mode so only source keyframes count.</summary>
    public static int GopFrames(LadderPlan plan, LadderOptions options)
    {
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(options);
        double seconds = options.KeyframeAlignment == KeyframeAlignment.Source ? 10 : options.GopSeconds;
        return Math.Max(1, (int)Math.Round(seconds * plan.FrameRate));
    }

    public static string KeyframeExpression(LadderOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return options.KeyframeAlignment == KeyframeAlignment.Source
            ? "source"
            : string.Create(CultureInfo.InvariantCulture, $"expr:gte(t,n_forced*{options.GopSeconds})");
    }
}
