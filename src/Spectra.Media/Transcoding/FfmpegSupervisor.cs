using System.ComponentModel;
using Microsoft.Extensions.Logging;

namespace Spectra.Media.Transcoding;

/// <summary>
/// Keeps one ffmpeg running while the publisher is connected. Each start is a new generation:
/// <c>runGeneration</c> attaches the consumers (input writer, output readers) and must complete
/// once the process's streams end. When ffmpeg exits before <see cref="StopAsync"/> the exit is
/// logged with its last stderr lines and ffmpeg is started again after a delay that doubles from
/// <see cref="LadderOptions.InitialRestartDelay"/> up to <see cref="LadderOptions.MaxRestartDelay"/>
/// (reset after a run of <see cref="LadderOptions.StableRunTime"/>).
/// </summary>
internal sealed partial class FfmpegSupervisor : IAsyncDisposable
{
    private readonly LadderOptions _options;
    private readonly Func<int, IReadOnlyList<string>> _prepareGeneration;
    private readonly Func<FfmpegProcess, CancellationToken, Task> _runGeneration;
    private readonly ILogger _logger;
    private readonly TimeProvider _time;
    private readonly CancellationTokenSource _stopping = new();
    private readonly Lock _lock = new();
    private Task? _loop;
    private FfmpegProcess? _current;
    private int _restarts;

    /// <param name="prepareGeneration">
    /// Called before each start with the generation number (1, 2, ...); returns that generation's
    /// arguments (for instance with fresh output socket paths).
    /// </param>
    /// <param name="runGeneration">Called right after each start; must not throw for a dying process (it is awaited at most <see cref="LadderOptions.StopTimeout"/> after the exit).</param>
    public FfmpegSupervisor(
        LadderOptions options,
        Func<int, IReadOnlyList<string>> prepareGeneration,
        Func<FfmpegProcess, CancellationToken, Task> runGeneration,
        ILogger logger,
        TimeProvider time)
    {
        _options = options ?? throw new ArgumentNullException(nameof(options));
        _prepareGeneration = prepareGeneration ?? throw new ArgumentNullException(nameof(prepareGeneration));
        _runGeneration = runGeneration ?? throw new ArgumentNullException(nameof(runGeneration));
        _logger = logger ?? throw new ArgumentNullException(nameof(logger));
        _time = time ?? throw new ArgumentNullException(nameof(time));
    }

    /// <summary>The running process, null between a crash and the restart.</summary>
    public FfmpegProcess? Current
    {
        get
        {
            lock (_lock)
            {
                return _current;
            }
        }
    }

    /// <summary>Restarts after unexpected exits (0 while the first generation runs).</summary>
    public int Restarts => Volatile.Read(ref _restarts);

    /// <summary>Raised after each start (on the supervisor's task).</summary>
    public event Action<FfmpegProcess>? GenerationStarted;

    /// <summary>Raised when a generation exits before <see cref="StopAsync"/> (exit code, last stderr lines in the log).</summary>
    public event Action<FfmpegProcess, int>? GenerationFailed;

    /// <summary>Raised when the executable cannot be started (it is tried again after the back-off).</summary>
    public event Action<Exception>? StartFailed;

    public void Start()
    {
        lock (_lock)
        {
            if (_loop is not null)
            {
                throw new InvalidOperationException("The supervisor is already started.");
            }

            _loop = Task.Run(() => SuperviseAsync(_stopping.Token));
        }
    }

    /// <summary>Stops the current generation gracefully (see <see cref="FfmpegProcess.StopAsync"/>) and ends supervision.</summary>
    public async Task StopAsync()
    {
        Task? loop;
        lock (_lock)
        {
            loop = _loop;
        }

        if (!_stopping.IsCancellationRequested)
        {
            await _stopping.CancelAsync().ConfigureAwait(false);
        }

        if (loop is not null)
        {
            await loop.ConfigureAwait(false);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync().ConfigureAwait(false);
        _stopping.Dispose();
    }

    private async Task SuperviseAsync(CancellationToken stopping)
    {
        TimeSpan delay = _options.InitialRestartDelay;
        int generation = 0;
        while (!stopping.IsCancellationRequested)
        {
            generation++;
            FfmpegProcess process;
            try
            {
                process = FfmpegProcess.Start(_options.FfmpegPath, _prepareGeneration(generation), generation, _logger);
            }
            catch (Win32Exception ex)
            {
                Log.StartFailed(_logger, _options.FfmpegPath, ex.Message, ex);
                StartFailed?.Invoke(ex);
                if (!await DelayAsync(delay, stopping).ConfigureAwait(false))
                {
                    return;
                }

                delay = NextDelay(delay, _options.MaxRestartDelay);
                continue;
            }

            lock (_lock)
            {
                _current = process;
            }

            GenerationStarted?.Invoke(process);
            Task consumers = RunGenerationSafelyAsync(process, stopping);
            int exitCode;
            bool stoppedByUs = false;
            try
            {
                exitCode = await process.Completion.WaitAsync(stopping).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                stoppedByUs = true;
                await process.StopAsync(_options.StopTimeout).ConfigureAwait(false);
                exitCode = await process.Completion.ConfigureAwait(false);
            }

            await WaitBoundedAsync(consumers, _options.StopTimeout).ConfigureAwait(false);
            lock (_lock)
            {
                _current = null;
            }

            await process.DisposeAsync().ConfigureAwait(false);
            if (stoppedByUs || stopping.IsCancellationRequested)
            {
                return;
            }

            TimeSpan ran = DateTimeOffset.UtcNow - process.StartedAt;
            if (ran >= _options.StableRunTime)
            {
                delay = _options.InitialRestartDelay;
            }

            Interlocked.Increment(ref _restarts);
            Log.UnexpectedExit(_logger, process.ProcessId, generation, exitCode, delay.TotalMilliseconds,
                string.Join(Environment.NewLine, process.GetRecentLog()));
            GenerationFailed?.Invoke(process, exitCode);
            if (!await DelayAsync(delay, stopping).ConfigureAwait(false))
            {
                return;
            }

            delay = NextDelay(delay, _options.MaxRestartDelay);
        }
    }

    private async Task RunGenerationSafelyAsync(FfmpegProcess process, CancellationToken stopping)
    {
        try
        {
            await _runGeneration(process, stopping).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (stopping.IsCancellationRequested)
        {
        }
#pragma warning disable CA1031 // A failing consumer must not end supervision; the process is killed instead.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            Log.GenerationConsumerFailed(_logger, process.ProcessId, ex);
            process.Kill();
        }
    }

    private async Task<bool> DelayAsync(TimeSpan delay, CancellationToken stopping)
    {
        try
        {
            await Task.Delay(delay, _time, stopping).ConfigureAwait(false);
            return true;
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }

    private static async Task WaitBoundedAsync(Task task, TimeSpan timeout)
    {
        try
        {
            await task.WaitAsync(timeout).ConfigureAwait(false);
        }
        catch (TimeoutException)
        {
            // Consumers are expected to end with the process's streams; a stuck one is not waited for.
        }
    }

    /// <summary>Back-off after one more crash: doubled, at most <paramref name="max"/>.</summary>
    internal static TimeSpan NextDelay(TimeSpan delay, TimeSpan max)
    {
        var doubled = delay * 2;
        return doubled > max ? max : doubled;
    }

    private static partial class Log
    {
        [LoggerMessage(EventId = 4120, EventName = "FfmpegStartFailed", Level = LogLevel.Error, Message = "Cannot start ffmpeg '{Executable}': {Reason}")]
        public static partial void StartFailed(ILogger logger, string executable, string reason, Exception exception);

        [LoggerMessage(EventId = 4121, EventName = "FfmpegUnexpectedExit", Level = LogLevel.Warning, Message = "ffmpeg {ProcessId} (generation {Generation}) exited unexpectedly with code {ExitCode}; restarting in {DelayMs} ms. Last output:\n{RecentLog}")]
        public static partial void UnexpectedExit(ILogger logger, int processId, int generation, int exitCode, double delayMs, string recentLog);

        [LoggerMessage(EventId = 4122, EventName = "FfmpegConsumerFailed", Level = LogLevel.Error, Message = "A consumer of ffmpeg {ProcessId} failed; killing the process")]
        public static partial void GenerationConsumerFailed(ILogger logger, int processId, Exception exception);
    }
}
