using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Spectra.Media.Tests.TestSupport;

namespace Spectra.Media.Tests.Packaging;

/// <summary>Real ffmpeg, encoding in real time, feeding the packager over a socket or a pipe.</summary>
public sealed class CmafPackagerLiveTests
{
    [Theory]
    [InlineData("tcp", "+frag_keyframe+empty_moov+default_base_moof")]
    [InlineData("pipe", "+frag_keyframe+cmaf")]
    public async Task RunAsync_LiveFfmpeg_WindowAdvancesWhileEncoding(string transport, string movflags)
    {
        var (packager, window, logs) = Packagers.Create(new Spectra.Media.Packaging.RenditionInfo("180p", 320, 180, 30, 400_000, 300_000, false));
        var threeSegments = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var addedWhileRunning = 0;
        Process? ffmpeg = null;
        window.SegmentAdded += w =>
        {
            if (ffmpeg is { HasExited: false })
            {
                Interlocked.Increment(ref addedWhileRunning);
            }

            if (w.SegmentCount >= 3)
            {
                threeSegments.TrySetResult();
            }
        };
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        string[] arguments =
        [
            "-hide_banner", "-loglevel", "error", "-re",
            "-f", "lavfi", "-i", "testsrc2=size=320x180:rate=30", "-f", "lavfi", "-i", "sine=sample_rate=48000", "-t", "5",
            "-c:v", "libx264", "-preset", "ultrafast", "-tune", "zerolatency", "-g", "30", "-keyint_min", "30", "-sc_threshold", "0",
            "-c:a", "aac", "-b:a", "64k",
            "-f", "mp4", "-movflags", movflags, "-frag_duration", "250000",
            transport == "tcp" ? $"tcp://127.0.0.1:{port}" : "pipe:1",
        ];
        ffmpeg = ExternalProcess.Start("ffmpeg", arguments, redirectStdout: transport == "pipe");
        var stderr = ffmpeg.StandardError.ReadToEndAsync();
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        try
        {
            Stream input;
            TcpClient? client = null;
            if (transport == "tcp")
            {
                client = await listener.AcceptTcpClientAsync(cts.Token);
                input = client.GetStream();
            }
            else
            {
                input = ffmpeg.StandardOutput.BaseStream;
            }

            using (client)
            {
                var run = packager.RunAsync(input, cts.Token);
                await Task.WhenAny(threeSegments.Task, run).WaitAsync(cts.Token);
                await run.WaitAsync(cts.Token);
                Assert.True(threeSegments.Task.IsCompleted, $"input ended with {window.SegmentCount} segments: " + string.Join(" | ", logs.Entries.Select(e => e.Message)));
            }

            await ffmpeg.WaitForExitAsync(cts.Token);
            Assert.True(ffmpeg.ExitCode == 0, await stderr);
        }
        finally
        {
            ExternalProcess.Kill(ffmpeg);
            ffmpeg.Dispose();
        }

        var segments = window.Snapshot.Segments;
        Assert.InRange(segments.Count, 4, 6);
        Assert.True(addedWhileRunning >= 3, $"only {addedWhileRunning} segments were added while ffmpeg was running");
        for (var i = 1; i < segments.Count; i++)
        {
            Assert.Equal(segments[i - 1].Sequence + 1, segments[i].Sequence);
        }

        var durations = string.Join(", ", segments.Select(s => $"{s.Sequence}@{s.DecodeTime}/{s.Timescale}:{s.Duration.TotalSeconds}"));
        // The first segment may run a few frames long: the encoder's start-up shifts the second keyframe.
        Assert.InRange(segments[0].Duration.TotalSeconds, 1.0, 1.1);
        Assert.All(segments.Skip(1).Take(segments.Count - 2), s => Assert.True(Math.Abs(s.Duration.TotalSeconds - 1) < 0.001, durations));
        Assert.All(segments.Skip(1), s => Assert.Equal(segments[0].DecodeTime + (ulong)segments.TakeWhile(p => p != s).Sum(p => (long)p.DurationTicks), s.DecodeTime));
        Assert.Equal("avc1.42c00d,mp4a.40.2", window.CurrentInit!.Codecs);
        Assert.Empty(logs.Errors);
    }
}
