using System.Diagnostics;
using Microsoft.Extensions.Logging;
using Spectra.Media.Transcoding.Internal;

namespace Spectra.Media.Transcoding;

/// <summary>
/// One running ffmpeg child: stdin for input, stdout for an optional pipe output, stderr read line
/// by line (progress blocks parsed by <see cref="FfmpegProgressParser"/>, other lines logged at
/// debug and kept in a bounded ring for error reports). <see cref="StopAsync"/> and
/// <see cref="DisposeAsync"/> always reap the process.
/// </summary>
internal sealed partial class FfmpegProcess : IAsyncDisposable
{
    /// <summary>Lines kept for error reports.</summary>
    public const int LogRingCapacity = 40;

    private readonly Process _process;
    private readonly ILogger _logger;
    private readonly FfmpegLogRing _ring = new(LogRingCapacity);
    private readonly FfmpegProgressParser _progressParser = new();
    private readonly Task<int> _completion;
    private int _stdinClosed;

    private FfmpegProcess(Process process, int generation, ILogger logger)
    {
        _process = process;
        _logger = logger;
        Generation = generation;
        ProcessId = process.Id;
        StartedAt = DateTimeOffset.UtcNow;
        _completion = RunAsync();
    }

    public int ProcessId { get; }

    /// <summary>1 for the first process of a live session, +1 for every restart.</summary>
    public int Generation { get; }

    public DateTimeOffset StartedAt { get; }

    /// <summary>ffmpeg's stdin (pipe:0).</summary>
    public Stream Input => _process.StandardInput.BaseStream;

    /// <summary>ffmpeg's stdout (pipe:1); must be drained when an output writes to it.</summary>
    public Stream Output => _process.StandardOutput.BaseStream;

    /// <summary>Completes with the exit code once the process has exited and stderr is fully read.</summary>
    public Task<int> Completion => _completion;

    public bool HasExited => _completion.IsCompleted;

    public FfmpegProgress? LastProgress { get; private set; }

    /// <summary>Raised on ffmpeg's stderr reader thread about once a second (-stats_period 1).</summary>
    public event Action<FfmpegProcess, FfmpegProgress>? ProgressReported;

    /// <summary>Starts ffmpeg with redirected stdin/stdout/stderr.</summary>
    /// <exception cref="System.ComponentModel.Win32Exception">The executable cannot be started.</exception>
    public static FfmpegProcess Start(string executable, IReadOnlyList<string> arguments, int generation, ILogger logger)
    {
        ArgumentException.ThrowIfNullOrEmpty(executable);
        ArgumentNullException.ThrowIfNull(arguments);
        ArgumentNullException.ThrowIfNull(logger);
        var startInfo = new ProcessStartInfo(executable)
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            CreateNoWindow = true,
        };
        foreach (string argument in arguments)
        {
            startInfo.ArgumentList.Add(argument);
        }

        var process = new Process { StartInfo = startInfo };
        process.Start();
        var ffmpeg = new FfmpegProcess(process, generation, logger);
        Log.Started(logger, ffmpeg.ProcessId, generation, executable, string.Join(' ', arguments));
        return ffmpeg;
    }

    /// <summary>The last stderr lines (progress lines excluded), oldest first.</summary>
    public IReadOnlyList<string> GetRecentLog() => _ring.Snapshot();

    /// <summary>Closes stdin: ffmpeg sees end of input, flushes its outputs and exits.</summary>
    public void CloseInput()
    {
        if (Interlocked.Exchange(ref _stdinClosed, 1) == 0)
        {
            try
            {
                _process.StandardInput.Close();
            }
            catch (IOException)
            {
                // Broken pipe: the process is already gone.
            }
        }
    }

    /// <summary>
    /// Graceful stop: closes stdin, waits up to <paramref name="timeout"/> for the exit, then kills
    /// the process tree; always waits for the kernel to reap the process.
    /// </summary>
    /// <returns>True when ffmpeg exited by itself within the timeout.</returns>
    public async Task<bool> StopAsync(TimeSpan timeout)
    {
        CloseInput();
        try
        {
            await _completion.WaitAsync(timeout).ConfigureAwait(false);
            return true;
        }
        catch (TimeoutException)
        {
            Log.KillingAfterTimeout(_logger, ProcessId, timeout.TotalMilliseconds);
            Kill();
            await _completion.ConfigureAwait(false);
            return false;
        }
    }

    /// <summary>Kills the whole process tree immediately; <see cref="Completion"/> completes once it is reaped.</summary>
    public void Kill()
    {
        try
        {
            _process.Kill(entireProcessTree: true);
        }
        catch (InvalidOperationException)
        {
            // Already exited.
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (!_completion.IsCompleted)
        {
            Kill();
        }

        await _completion.ConfigureAwait(false);
        _process.Dispose();
    }

    private async Task<int> RunAsync()
    {
        // Runs on the thread pool from the first await; the constructor returns at once.
        await Task.Yield();
        try
        {
            using var reader = _process.StandardError;
            while (await reader.ReadLineAsync().ConfigureAwait(false) is { } line)
            {
                if (_progressParser.TryParseLine(line, out var progress))
                {
                    if (progress is not null)
                    {
                        LastProgress = progress;
                        ProgressReported?.Invoke(this, progress);
                    }

                    continue;
                }

                _ring.Add(line);
                Log.StandardError(_logger, ProcessId, line);
            }
        }
        catch (IOException)
        {
            // The pipe broke with the process; the exit code still tells what happened.
        }

        await _process.WaitForExitAsync().ConfigureAwait(false);
        int exitCode = _process.ExitCode;
        Log.Exited(_logger, ProcessId, Generation, exitCode);
        return exitCode;
    }

    private static partial class Log
    {
        [LoggerMessage(EventId = 4110, EventName = "FfmpegStarted", Level = LogLevel.Information, Message = "ffmpeg {ProcessId} started (generation {Generation}): {Executable} {Arguments}")]
        public static partial void Started(ILogger logger, int processId, int generation, string executable, string arguments);

        [LoggerMessage(EventId = 4111, EventName = "FfmpegOutput", Level = LogLevel.Debug, Message = "ffmpeg {ProcessId}: {Line}")]
        public static partial void StandardError(ILogger logger, int processId, string line);

        [LoggerMessage(EventId = 4112, EventName = "FfmpegExited", Level = LogLevel.Information, Message = "ffmpeg {ProcessId} (generation {Generation}) exited with code {ExitCode}")]
        public static partial void Exited(ILogger logger, int processId, int generation, int exitCode);

        [LoggerMessage(EventId = 4113, EventName = "FfmpegKilled", Level = LogLevel.Warning, Message = "ffmpeg {ProcessId} did not exit {TimeoutMs} ms after its input was closed; killing its process tree")]
        public static partial void KillingAfterTimeout(ILogger logger, int processId, double timeoutMs);
    }
}
