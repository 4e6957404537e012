using System.Diagnostics;
using System.Globalization;
using System.Text;
using Xunit;

namespace Spectra.Testing.Live;

/// <summary>
/// A command-line client (ffmpeg, gst-launch-1.0, ffprobe) started by a test. Only this process (and its
/// children) is ever stopped, by its id; every wait is bounded.
/// </summary>
public sealed class ExternalProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _stderr = new();
    private readonly StringBuilder _stdout = new();
    private readonly Task _readers;

    private ExternalProcess(Process process)
    {
        _process = process;
        _readers = Task.WhenAll(Pump(process.StandardError, _stderr), Pump(process.StandardOutput, _stdout));
    }

    public bool HasExited => _process.HasExited;

    /// <summary>Process id.</summary>
    public int Id => _process.Id;

    public string StandardError
    {
        get
        {
            lock (_stderr)
            {
                return _stderr.ToString();
            }
        }
    }

    public string StandardOutput
    {
        get
        {
            lock (_stdout)
            {
                return _stdout.ToString();
            }
        }
    }

    /// <summary>
    /// Starts <paramref name="fileName"/>, in <paramref name="workingDirectory"/> when given, with
    /// <paramref name="environment"/> added to (or, for a null value, removed from) this process's environment.
    /// </summary>
    public static ExternalProcess Start(
        string fileName,
        IEnumerable<string> arguments,
        string? workingDirectory = null,
        IReadOnlyDictionary<string, string?>? environment = null)
    {
        var info = new ProcessStartInfo(fileName)
        {
            RedirectStandardError = true,
            RedirectStandardOutput = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
            WorkingDirectory = workingDirectory ?? string.Empty,
        };
        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }

        foreach (var (name, value) in environment ?? new Dictionary<string, string?>())
        {
            if (value is null)
            {
                info.Environment.Remove(name);
            }
            else
            {
                info.Environment[name] = value;
            }
        }

        return new ExternalProcess(Process.Start(info) ?? throw new InvalidOperationException($"Could not start {fileName}."));
    }

    /// <summary>
    /// ffmpeg publishing a synthetic stream (testsrc2 + 440 Hz sine) in real time to <paramref name="url"/> for
    /// <paramref name="seconds"/>: H.264 with a keyframe every second and AAC unless <paramref name="videoCodec"/> /
    /// <paramref name="audio"/> say otherwise.
    /// </summary>
    /// <param name="format">The container ffmpeg sends: "flv" for RTMP, "mpegts" for SRT.</param>
    public static ExternalProcess FfmpegPublish(string url, double seconds, string size = "1280x720", string videoCodec = "libx264", bool video = true, bool audio = true, string format = "flv")
    {
        var args = new List<string> { "-hide_banner", "-nostdin", "-loglevel", "warning", "-re" };
        if (video)
        {
            args.AddRange(["-f", "lavfi", "-i", $"testsrc2=size={size}:rate=30"]);
        }

        if (audio)
        {
            args.AddRange(["-f", "lavfi", "-i", "sine=frequency=440:sample_rate=44100"]);
        }

        if (video)
        {
            args.AddRange(videoCodec == "libx264"
                ? ["-c:v", "libx264", "-preset", "ultrafast", "-tune", "zerolatency", "-g", "30", "-pix_fmt", "yuv420p"]
                : ["-c:v", videoCodec, "-preset", "ultrafast", "-g", "30", "-pix_fmt", "yuv420p"]);
        }

        if (audio)
        {
            args.AddRange(["-c:a", "aac", "-b:a", "96k"]);
        }

        args.AddRange(["-t", seconds.ToString(CultureInfo.InvariantCulture), "-f", format, url]);
        return Start("ffmpeg", args);
    }

    public static async Task<(int ExitCode, string Output, string Error)> RunAsync(string fileName, IEnumerable<string> arguments, TimeSpan timeout)
    {
        await using var process = Start(fileName, arguments);
        var exitCode = await process.WaitForExitAsync(timeout);
        return (exitCode, process.StandardOutput, process.StandardError);
    }

    /// <summary>Waits for the exit; on timeout the process is killed and the test fails.</summary>
    public async Task<int> WaitForExitAsync(TimeSpan timeout)
    {
        using var cts = new CancellationTokenSource(timeout);
        try
        {
            await _process.WaitForExitAsync(cts.Token);
        }
        catch (OperationCanceledException)
        {
            await KillAsync();
            Assert.Fail($"{_process.StartInfo.FileName} did not exit within {timeout.TotalSeconds} s. Stderr:\n{StandardError}");
        }

        await _readers.WaitAsync(TimeSpan.FromSeconds(5));
        return _process.ExitCode;
    }

    /// <summary>Kills this process (a publisher vanishing without closing the stream properly).</summary>
    public async Task KillAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
        }

        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        await _process.WaitForExitAsync(cts.Token);
    }

    public async ValueTask DisposeAsync()
    {
        await KillAsync();
        _process.Dispose();
    }

    private static async Task Pump(StreamReader reader, StringBuilder into)
    {
        string? line;
        while ((line = await reader.ReadLineAsync()) is not null)
        {
            lock (into)
            {
                into.AppendLine(line);
            }
        }
    }
}
