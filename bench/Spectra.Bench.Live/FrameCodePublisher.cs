using System.Diagnostics;
using System.Globalization;

namespace Spectra.Bench.Live;

/// <summary>
/// ffmpeg publishing a 1280x720 30 fps test picture in real time with the frame number drawn as 16 black/white
/// 64×64 blocks along the top edge (bit i = block i), plus a 440 Hz tone; x264 zerolatency, keyframe interval chosen. <see cref="EpochOfFrameZero"/> estimates
/// when frame 0 left the encoder from ffmpeg's progress reports: each report says "N frames encoded" at wall time W,
/// and W − N/30 never undershoots the pacing origin, so the smallest value is the closest estimate.
/// </summary>
internal sealed class FrameCodePublisher : IAsyncDisposable
{
    public const double FrameRate = 30;
    public const int Bits = 16;
    public const int Block = 64;
    private readonly Process _process;
    private readonly Task _progress;
    private double _epochOfFrameZero = double.MaxValue;

    /// <param name="keyframeFrames">Keyframe interval in frames (-g): 60 = OBS's usual 2 s.</param>
    /// <param name="videoKbps">0: no rate control (x264's default CRF, and no bit rate in the FLV metadata, so the
    /// server's estimate of the source rendition's BANDWIDTH is low); else constant bit rate as OBS sends it
    /// (-b:v = -maxrate, 2 s buffer), declared in the metadata.</param>
    public FrameCodePublisher(string url, int keyframeFrames = 30, int videoKbps = 0)
    {
        var rate = videoKbps > 0
            ? new[] { "-b:v", $"{videoKbps}k", "-maxrate", $"{videoKbps}k", "-bufsize", $"{videoKbps * 2}k" }
            : Array.Empty<string>();
        var boxes = string.Join(',', Enumerable.Range(0, Bits).Select(i =>
            $"drawbox=x={i * Block}:y=0:w={Block}:h={Block}:color=white:t=fill:enable='mod(floor(n/{1 << i})\\,2)'"));
        var info = new ProcessStartInfo("ffmpeg")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var arg in (string[])
        [
            "-hide_banner", "-nostdin", "-loglevel", "error", "-progress", "pipe:1", "-stats_period", "0.1",
            "-re", "-f", "lavfi", "-i", "testsrc2=size=1280x720:rate=30", "-f", "lavfi", "-i", "sine=frequency=440",
            "-vf", $"drawbox=x=0:y=0:w={Bits * Block}:h={Block}:color=black:t=fill,{boxes}",
            "-c:v", "libx264", "-preset", "ultrafast", "-tune", "zerolatency", "-g", keyframeFrames.ToString(CultureInfo.InvariantCulture), "-pix_fmt", "yuv420p",
            .. rate,
            "-c:a", "aac", "-f", "flv", url,
        ])
        {
            info.ArgumentList.Add(arg);
        }

        _process = Process.Start(info) ?? throw new InvalidOperationException("Could not start ffmpeg.");
        _ = _process.StandardError.ReadToEndAsync();
        _progress = Task.Run(ReadProgressAsync);
    }

    /// <summary>Unix time in ms at which frame 0 was sent (frame n: + n × 1000/30).</summary>
    public double EpochOfFrameZero => Volatile.Read(ref _epochOfFrameZero);

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
        }

        await _process.WaitForExitAsync();
        await _progress.WaitAsync(TimeSpan.FromSeconds(5));
        _process.Dispose();
    }

    private async Task ReadProgressAsync()
    {
        string? line;
        while ((line = await _process.StandardOutput.ReadLineAsync()) is not null)
        {
            if (!line.StartsWith("frame=", StringComparison.Ordinal))
            {
                continue;
            }

            var now = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
            var frames = long.Parse(line["frame=".Length..], CultureInfo.InvariantCulture);
            if (frames > 0)
            {
                var estimate = now - (frames - 1) * 1000 / FrameRate;
                if (estimate < _epochOfFrameZero)
                {
                    Volatile.Write(ref _epochOfFrameZero, estimate);
                }
            }
        }
    }
}
