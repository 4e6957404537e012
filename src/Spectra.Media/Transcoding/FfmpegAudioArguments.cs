using System.Globalization;

namespace Spectra.Media.Transcoding;

/// <summary>Per-rendition audio: copied for the passthrough, AAC-LC for encoded renditions, none when the plan has no audio.</summary>
internal static class FfmpegAudioArguments
{
    public static void AppendTo(List<string> arguments, PlannedRendition rendition, LadderPlan plan)
    {
        ArgumentNullException.ThrowIfNull(arguments);
        ArgumentNullException.ThrowIfNull(rendition);
        ArgumentNullException.ThrowIfNull(plan);
        if (!plan.IncludesAudio)
        {
            arguments.Add("-an");
            return;
        }

        arguments.AddRange(["-map", "0:a:0"]);
        if (rendition.IsPassthrough)
        {
            arguments.AddRange(["-c:a", "copy"]);
        }
        else
        {
            arguments.AddRange(["-c:a", "aac", "-b:a", string.Create(CultureInfo.InvariantCulture, $"{rendition.AudioBitrateKbps}k")]);
        }
    }
}
