using System.Globalization;

namespace Spectra.Bench.Transcode;

/// <summary>CPU time of one process from /proc/PID/stat (utime + stime, in clock ticks of 1/100 s).</summary>
internal static class ProcessCpuSampler
{
    private const double TicksPerSecond = 100; // USER_HZ on Linux

    /// <returns>CPU seconds used so far, or null when the process is gone.</returns>
    public static double? CpuSeconds(int processId)
    {
        try
        {
            string stat = File.ReadAllText($"/proc/{processId}/stat");
            string[] fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
            // After the command name: field 3 is state, so utime (14) and stime (15) are at 11 and 12.
            long user = long.Parse(fields[11], CultureInfo.InvariantCulture);
            long system = long.Parse(fields[12], CultureInfo.InvariantCulture);
            return (user + system) / TicksPerSecond;
        }
        catch (IOException)
        {
            return null;
        }
    }
}
