using System.Diagnostics;
using System.Text;

namespace Spectra.Rtmp.Tests.Infrastructure;

/// <summary>Runs a command-line client (ffmpeg, gst-launch) with a hard time limit; kills only the process it started.</summary>
public static class ExternalProcess
{
    public sealed record Result(int ExitCode, string StandardError, bool TimedOut);

    public static async Task<Result> RunAsync(string fileName, IEnumerable<string> arguments, TimeSpan timeout)
    {
        var startInfo = new ProcessStartInfo(fileName)
        {
            RedirectStandardError = true,
            RedirectStandardOutput = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            startInfo.ArgumentList.Add(argument);
        }

        using var process = Process.Start(startInfo) ?? throw new InvalidOperationException($"Could not start {fileName}");
        var stderr = new StringBuilder();
        var stdoutTask = process.StandardOutput.ReadToEndAsync();
        var stderrTask = Task.Run(async () =>
        {
            string? line;
            while ((line = await process.StandardError.ReadLineAsync()) is not null)
            {
                lock (stderr)
                {
                    stderr.AppendLine(line);
                }
            }
        });

        using var cts = new CancellationTokenSource(timeout);
        var timedOut = false;
        try
        {
            await process.WaitForExitAsync(cts.Token);
        }
        catch (OperationCanceledException)
        {
            timedOut = true;
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }

        await Task.WhenAll(stdoutTask, stderrTask).WaitAsync(TimeSpan.FromSeconds(5));
        lock (stderr)
        {
            return new Result(process.ExitCode, stderr.ToString(), timedOut);
        }
    }

    public static Task<Result> FfmpegPublishAsync(string url, double seconds = 4, TimeSpan? timeout = null)
        => RunAsync("ffmpeg",
        [
            "-hide_banner", "-nostdin", "-loglevel", "warning",
            "-re", "-f", "lavfi", "-i", "testsrc2=size=640x360:rate=30",
            "-f", "lavfi", "-i", "sine",
            "-c:v", "libx264", "-preset", "ultrafast", "-g", "30",
            "-c:a", "aac", "-t", seconds.ToString(System.Globalization.CultureInfo.InvariantCulture),
            "-f", "flv", url,
        ], timeout ?? TimeSpan.FromSeconds(seconds + 30));
}
