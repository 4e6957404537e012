using System.Collections.Concurrent;
using System.Diagnostics;
using Microsoft.Extensions.Logging.Abstractions;
using Spectra.Media.Transcoding;

namespace Spectra.Media.Tests.Transcoding;

public class FfmpegSupervisorTests
{
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(30);

    // Waits on stdin forever (until it is closed).
    private static readonly string[] StdinArguments = ["-hide_banner", "-f", "flv", "-i", "pipe:0", "-f", "null", "-"];

    private static LadderOptions FastRestarts() => new()
    {
        InitialRestartDelay = TimeSpan.FromMilliseconds(50),
        MaxRestartDelay = TimeSpan.FromMilliseconds(200),
        StopTimeout = TimeSpan.FromSeconds(5),
    };

    [Fact]
    public async Task Supervise_ProcessKilled_RestartsAsNewGenerationAndStopReapsAll()
    {
        var started = new BlockingCollection<FfmpegProcess>();
        var failed = new TaskCompletionSource<int>(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var supervisor = new FfmpegSupervisor(FastRestarts(), _ => StdinArguments, (_, _) => Task.CompletedTask, NullLogger.Instance, TimeProvider.System);
        supervisor.GenerationStarted += started.Add;
        supervisor.GenerationFailed += (_, code) => failed.TrySetResult(code);

        supervisor.Start();
        Assert.True(started.TryTake(out var first, Bound));
        Process.GetProcessById(first.ProcessId).Kill();
        await failed.Task.WaitAsync(Bound);
        Assert.True(started.TryTake(out var second, Bound));
        await supervisor.StopAsync().WaitAsync(Bound);

        Assert.Equal((1, 2), (first.Generation, second.Generation));
        Assert.Equal(1, supervisor.Restarts);
        Assert.Null(supervisor.Current);
        ProcessAssert.IsGone(first.ProcessId);
        ProcessAssert.IsGone(second.ProcessId);
    }

    [Fact]
    public async Task Supervise_GenerationConsumers_ReceiveEachProcessAndCancellationOnStop()
    {
        var consumerSawCancellation = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var supervisor = new FfmpegSupervisor(FastRestarts(), _ => StdinArguments,
            async (process, token) =>
            {
                try
                {
                    await Task.Delay(Timeout.Infinite, token);
                }
                catch (OperationCanceledException)
                {
                    consumerSawCancellation.TrySetResult();
                    throw;
                }
            },
            NullLogger.Instance, TimeProvider.System);
        var started = new TaskCompletionSource<FfmpegProcess>(TaskCreationOptions.RunContinuationsAsynchronously);
        supervisor.GenerationStarted += p => started.TrySetResult(p);

        supervisor.Start();
        var process = await started.Task.WaitAsync(Bound);
        await supervisor.StopAsync().WaitAsync(Bound);

        await consumerSawCancellation.Task.WaitAsync(Bound);
        Assert.Equal(0, supervisor.Restarts);
        ProcessAssert.IsGone(process.ProcessId);
    }

    [Fact]
    public async Task Supervise_MissingExecutable_ReportsAndRetriesWithoutThrowingAndStops()
    {
        var options = FastRestarts();
        options.FfmpegPath = "/nonexistent/ffmpeg";
        await using var supervisor = new FfmpegSupervisor(options, _ => StdinArguments, (_, _) => Task.CompletedTask, NullLogger.Instance, TimeProvider.System);
        int failures = 0;
        var retried = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        supervisor.StartFailed += _ =>
        {
            if (Interlocked.Increment(ref failures) == 2)
            {
                retried.TrySetResult();
            }
        };

        supervisor.Start();
        await retried.Task.WaitAsync(Bound);
        await supervisor.StopAsync().WaitAsync(Bound);

        Assert.Null(supervisor.Current);
        Assert.Equal(0, supervisor.Restarts);
    }

    [Fact]
    public void NextDelay_RepeatedCrashes_DoublesUpToMaximum()
    {
        var max = TimeSpan.FromSeconds(10);
        var delays = new List<TimeSpan>();
        var delay = new LadderOptions().InitialRestartDelay;
        for (int i = 0; i < 7; i++)
        {
            delays.Add(delay);
            delay = FfmpegSupervisor.NextDelay(delay, max);
        }

        Assert.Equal([0.5, 1, 2, 4, 8, 10, 10], delays.Select(d => d.TotalSeconds).ToArray());
    }
}
