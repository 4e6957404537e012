// Ladder transcoding benchmark: CPU share (of all cores) and speed of the ffmpeg ladder Spectra
// runs for a 720p30 H.264/AAC publisher (source passthrough + 480p + 360p + thumbnails).
//   live: the full LiveStream pipeline fed in real time (what one live channel costs);
//   max:  the same ffmpeg command fed from a file as fast as it can go (headroom).
// Usage: dotnet run -c Release --project bench/Spectra.Bench.Transcode -- [--seconds 30] [--mode both|live|max]
using System.Diagnostics;
using System.Globalization;
using Microsoft.Extensions.Logging.Abstractions;
using Spectra.Bench.Transcode;
using Spectra.Media.Flv;
using Spectra.Media.Hls;
using Spectra.Media.Live;
using Spectra.Media.Packaging;
using Spectra.Media.Transcoding;

int seconds = 30;
string mode = "both";
for (int i = 0; i + 1 < args.Length; i += 2)
{
    switch (args[i])
    {
        case "--seconds": seconds = int.Parse(args[i + 1], CultureInfo.InvariantCulture); break;
        case "--mode": mode = args[i + 1]; break;
        default: throw new ArgumentException($"Unknown option {args[i]}");
    }
}

var inv = CultureInfo.InvariantCulture;
int cores = Environment.ProcessorCount;
Console.WriteLine(string.Create(inv, $"cores: {cores}, source: 1280x720 30 fps H.264 3 Mbit/s GOP 2 s + AAC, {seconds} s, {DateTime.UtcNow:u}"));
var source = await SourceFile.CreateAsync(seconds);
var ladder = new LadderOptions();

if (mode is "both" or "live")
{
    await using var stream = new LiveStream("bench", ladder, new LiveStreamOptions(), new PackagerOptions(), new HlsStreamRegistry(), NullLoggerFactory.Instance, TimeProvider.System);
    var speeds = new List<double>();
    stream.HealthSampled += (_, h) =>
    {
        if (h.TranscoderSpeed is { } s)
        {
            lock (speeds)
            {
                speeds.Add(s);
            }
        }
    };
    var firstSegment = new TaskCompletionSource<TimeSpan>(TaskCreationOptions.RunContinuationsAsynchronously);
    var clock = Stopwatch.StartNew();
    stream.FirstSegmentReady += _ => firstSegment.TrySetResult(clock.Elapsed);

    // Measure after a 5 s warm-up, until the end of the feed.
    var feed = Task.Run(async () =>
    {
        foreach (var (type, timestamp, body) in source.Tags)
        {
            long wait = timestamp - clock.ElapsedMilliseconds;
            if (wait > 0)
            {
                await Task.Delay((int)wait);
            }

            stream.OnMediaTag(type, timestamp, body);
        }
    });
    await Task.Delay(5000);
    int pid = stream.TranscoderProcessId ?? throw new InvalidOperationException("ffmpeg is not running.");
    double cpuStart = ProcessCpuSampler.CpuSeconds(pid)!.Value;
    var window = Stopwatch.StartNew();
    await feed;
    double cpuEnd = ProcessCpuSampler.CpuSeconds(pid)!.Value;
    double wall = window.Elapsed.TotalSeconds;
    var plan = stream.Plan!;
    await stream.StopAsync();

    double cpuPercent = (cpuEnd - cpuStart) / wall / cores * 100;
    Console.WriteLine(string.Create(inv, $"live: renditions [{string.Join(", ", plan.Renditions.Select(r => r.Name))}]"));
    Console.WriteLine(string.Create(inv, $"live: ffmpeg CPU {cpuPercent:F1} % of {cores} cores ({(cpuEnd - cpuStart) / wall * 100:F0} % of one core) over {wall:F1} s"));
    Console.WriteLine(string.Create(inv, $"live: load average at the end {File.ReadAllText("/proc/loadavg").Split(' ')[0]}"));
    var firstSegmentAfter = await firstSegment.Task;
    Console.WriteLine(string.Create(inv, $"live: first segment of every rendition after {firstSegmentAfter.TotalSeconds:F2} s"));
    lock (speeds)
    {
        Console.WriteLine(string.Create(inv, $"live: transcoder speed min {speeds.DefaultIfEmpty().Min():F2}x, median {Median(speeds):F2}x, {stream.CurrentHealth.DroppedTags} dropped tags"));
    }
}

if (mode is "both" or "max")
{
    var plan = LadderPlanner.Plan(
        new SourceMediaInfo(new VideoCodecInfo(FlvVideoCodec.H264, 1280, 720, "avc1.64001f"), new AudioCodecInfo(FlvAudioCodec.Aac, 48000, 1, "mp4a.40.2"), 30, 3128),
        ladder);
    var arguments = TranscodeCommand.Build(plan, ladder, plan.Renditions.Select(_ => "/dev/null").ToArray(), new Spectra.Media.Packaging.PackagerOptions().PartTargetDuration);
    await using var ffmpeg = FfmpegProcess.Start(ladder.FfmpegPath, ["-y", .. arguments], 1, NullLogger.Instance);
    double lastCpu = 0;
    using var sampling = new CancellationTokenSource();
    var sampler = Task.Run(async () =>
    {
        while (!sampling.IsCancellationRequested && ProcessCpuSampler.CpuSeconds(ffmpeg.ProcessId) is { } cpu)
        {
            lastCpu = cpu;
            await Task.Delay(50);
        }
    });
    var drain = ffmpeg.Output.CopyToAsync(Stream.Null);
    var clock = Stopwatch.StartNew();
    await ffmpeg.Input.WriteAsync(source.Flv);
    ffmpeg.CloseInput();
    await ffmpeg.Completion;
    double wall = clock.Elapsed.TotalSeconds;
    await sampling.CancelAsync();
    await sampler;
    await drain;
    Console.WriteLine(string.Create(inv, $"max: {seconds} s of media in {wall:F1} s = {seconds / wall:F2}x real time, ffmpeg CPU {lastCpu / wall / cores * 100:F0} % of {cores} cores"));
    Console.WriteLine(string.Create(inv, $"max: {lastCpu / seconds:F2} CPU seconds per second of media; load average {File.ReadAllText("/proc/loadavg").Split(' ')[0]}"));
}

static double Median(List<double> values)
{
    if (values.Count == 0)
    {
        return 0;
    }

    var sorted = values.Order().ToList();
    return sorted[sorted.Count / 2];
}
