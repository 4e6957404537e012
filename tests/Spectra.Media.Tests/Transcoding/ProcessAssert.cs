namespace Spectra.Media.Tests.Transcoding;

/// <summary>Checks on child processes by id through /proc (Linux).</summary>
internal static class ProcessAssert
{
    /// <summary>The pid no longer exists: neither running nor a zombie waiting to be reaped.</summary>
    public static void IsGone(int processId)
    {
        string stat = $"/proc/{processId}/stat";
        if (!File.Exists(stat))
        {
            return;
        }

        // The pid may have been reused by an unrelated process; a zombie of ours would show state Z.
        string text;
        try
        {
            text = File.ReadAllText(stat);
        }
        catch (IOException)
        {
            return;
        }

        string afterName = text[(text.LastIndexOf(')') + 2)..];
        string command = File.Exists($"/proc/{processId}/cmdline") ? File.ReadAllText($"/proc/{processId}/cmdline") : "";
        Assert.False(afterName.StartsWith('Z'), $"Process {processId} is a zombie.");
        Assert.False(command.Contains("ffmpeg", StringComparison.Ordinal), $"Process {processId} is still running: {command}");
    }

    public static bool IsRunning(int processId)
    {
        string stat = $"/proc/{processId}/stat";
        try
        {
            string text = File.ReadAllText(stat);
            return !text[(text.LastIndexOf(')') + 2)..].StartsWith('Z');
        }
        catch (IOException)
        {
            return false;
        }
    }
}
