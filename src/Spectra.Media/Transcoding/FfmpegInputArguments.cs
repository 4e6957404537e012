namespace Spectra.Media.Transcoding;

/// <summary>Global options and the FLV input on stdin.</summary>
internal static class FfmpegInputArguments
{
    /// <summary>
    /// Warnings and errors only (level-prefixed), no interactive stats, machine-readable progress
    /// blocks on stderr every second. Probing is bounded to about one second of input so the first
    /// segment is not delayed by analysis. (-fflags +nobuffer is not used: it discards the packets
    /// read while probing, so outputs would start with frames whose references are missing.)
    /// </summary>
    public static void AppendTo(List<string> arguments)
    {
        ArgumentNullException.ThrowIfNull(arguments);
        arguments.AddRange(
        [
            "-hide_banner", "-nostats", "-loglevel", "level+warning",
            "-progress", "pipe:2", "-stats_period", "1",
            "-probesize", "1000000", "-analyzeduration", "1000000",
            "-f", "flv", "-i", "pipe:0",
        ]);
    }
}
