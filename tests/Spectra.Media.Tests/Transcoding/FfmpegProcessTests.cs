using Microsoft.Extensions.Logging.Abstractions;
using Spectra.Media.Transcoding;

namespace Spectra.Media.Tests.Transcoding;

public class FfmpegProcessTests
{
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(20);

    [Fact]
    public async Task StopAsync_ReadingStdin_ExitsByItselfAndIsReaped()
    {
        var ffmpeg = FfmpegProcess.Start("ffmpeg", ["-hide_banner", "-f", "flv", "-i", "pipe:0", "-f", "null", "-"], 1, NullLogger.Instance);
        int pid = ffmpeg.ProcessId;
        Assert.True(ProcessAssert.IsRunning(pid));

        bool graceful = await ffmpeg.StopAsync(TimeSpan.FromSeconds(10)).WaitAsync(Bound);
        await ffmpeg.DisposeAsync();

        Assert.True(graceful);
        ProcessAssert.IsGone(pid);
    }

    [Fact]
    public async Task StopAsync_IgnoringStdin_KilledAfterTimeoutAndReaped()
    {
        // An endless generated input that never reads stdin: closing stdin does not end it.
        var ffmpeg = FfmpegProcess.Start("ffmpeg",
            ["-hide_banner", "-nostdin", "-re", "-f", "lavfi", "-i", "testsrc=size=64x64:rate=5", "-f", "null", "-"], 1, NullLogger.Instance);
        int pid = ffmpeg.ProcessId;

        bool graceful = await ffmpeg.StopAsync(TimeSpan.FromMilliseconds(500)).WaitAsync(Bound);
        await ffmpeg.DisposeAsync();

        Assert.False(graceful);
        ProcessAssert.IsGone(pid);
    }

    [Fact]
    public async Task Completion_InvalidArguments_NonZeroExitAndErrorInRecentLog()
    {
        await using var ffmpeg = FfmpegProcess.Start("ffmpeg", ["-hide_banner", "-no_such_option", "-i", "pipe:0"], 1, NullLogger.Instance);

        int exitCode = await ffmpeg.Completion.WaitAsync(Bound);

        Assert.NotEqual(0, exitCode);
        Assert.Contains(ffmpeg.GetRecentLog(), line => line.Contains("no_such_option", StringComparison.Ordinal));
    }

    [Fact]
    public async Task ProgressReported_RunningEncode_ReportsFramesAndSpeed()
    {
        var reported = new TaskCompletionSource<FfmpegProgress>(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var ffmpeg = FfmpegProcess.Start("ffmpeg",
            ["-hide_banner", "-nostdin", "-nostats", "-progress", "pipe:2", "-stats_period", "0.5", "-re", "-f", "lavfi", "-i", "testsrc=size=64x64:rate=10",
             "-t", "3", "-f", "null", "-"], 1, NullLogger.Instance);
        ffmpeg.ProgressReported += (_, p) =>
        {
            if (p.Frame > 0 && p.Speed is not null)
            {
                reported.TrySetResult(p);
            }
        };

        var progress = await reported.Task.WaitAsync(Bound);

        Assert.True(progress.Speed > 0);
        Assert.True(progress.OutTimeMicroseconds > 0);
        Assert.Equal(0, await ffmpeg.Completion.WaitAsync(Bound));
        Assert.True(ffmpeg.LastProgress!.IsEnd);
    }
}
