namespace Spectra.Media.Transcoding;

/// <summary>Global options and the FLV input on stdin.</summary>
public static class FfmpegInputArguments
{
    /// <summary>
    /// Warnings and errors only (level-prefixed), no interactive stats, machine-readable progress
    /// blocks on stderr every second. Probing is bounded to about one second of input so the first
    /// segment is not delayed by analysis.
    /// </summary>
    public static void AppendTo(List<string> arguments)
    {
        ArgumentNullException.ThrowIfNull(arguments);
        arguments.AddRange(
        [
            "-hide_banner", "-nostats", "-loglevel", "level+warning",
            "-progress", "pipe:2", "-stats_period", "1",
            "-fflags", "+nobuffer", "-probesize", "1000000", "-analyzeduration", "1000000",
            "-f", "flv", "-i", "pipe:0",
        ]);
    }
}
