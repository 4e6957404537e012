using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Microsoft.Playwright;
using Spectra.Bench.Live;
using Spectra.Testing.Live;

// Glass-to-glass latency of LL-HLS and standard HLS: ffmpeg → RTMP → Spectra (passthrough + one encoded rendition,
// 1 s segments, 1/3 s parts) → hls.js in headless Chromium on the same machine (one clock). Every displayed frame's
// number is read back from the picture (requestVideoFrameCallback + canvas) and compared with when that frame was
// sent. Each mode plays in its own page, one after the other, from the same publisher.
// Usage: dotnet run -c Release --project bench/Spectra.Bench.Live -- [seconds=30] [rendition-height=360] [keyframe-seconds=2] [modes=low,standard]
// Start-up and page weight (StartupBench): dotnet run -c Release --project bench/Spectra.Bench.Live -- startup [runs=10] [modes=low,standard,lowest] [keyframe-seconds=2] [rendition-height=360] [publisher-kbps=0: no rate control]
if (args.Length > 0 && args[0] == "startup")
{
    await StartupBench.RunAsync(args[1..]);
    return;
}

var seconds = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 30;
var height = args.Length > 1 ? args[1] : "360";
var keyframeSeconds = args.Length > 2 ? double.Parse(args[2], CultureInfo.InvariantCulture) : 2;
var modes = (args.Length > 3 ? args[3] : "low,standard").Split(',');
await using var host = await LiveHost.StartAsync(LadderSettings.SourcePlus(height));
var streamer = await host.CreateStreamerAsync("latency");
using var events = new LiveEventRecorder(host);
await using var publisher = new FrameCodePublisher(host.RtmpUrl(streamer.StreamKey), (int)Math.Round(keyframeSeconds * FrameCodePublisher.FrameRate));
var sentAt = Stopwatch.StartNew();
await events.WaitForOnlineAsync(streamer.ChannelId, TimeSpan.FromSeconds(60));
Console.WriteLine($"Live {sentAt.ElapsedMilliseconds} ms after the publisher started (publisher keyframes every {keyframeSeconds} s).");

using var playwright = await Playwright.CreateAsync();
var profile = Directory.CreateTempSubdirectory("spectra-bench-chromium-");
await using var context = await playwright.Chromium.LaunchPersistentContextAsync(profile.FullName, new()
{
    ExecutablePath = "/usr/bin/chromium",
    Headless = true,
    Args = ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
    ViewportSize = new() { Width = 1280, Height = 900 },
});
foreach (var mode in modes)
{
    await MeasureAsync(mode);
}

await context.CloseAsync();
profile.Delete(recursive: true);

async Task MeasureAsync(string mode)
{
    var page = await context.NewPageAsync();
    var failed = new List<string>();
    page.Response += (_, response) =>
    {
        if (response.Status >= 400)
        {
            lock (failed)
            {
                failed.Add($"{response.Status} {response.Url}");
            }
        }
    };
    var opened = Stopwatch.StartNew();
    await page.GotoAsync(new Uri(host.BaseAddress, mode == "standard" ? "/latency?latency=standard" : "/latency").ToString());
    await page.WaitForFunctionAsync("() => { const v = document.querySelector('#player video'); return v && v.currentTime > 0 && !v.paused; }", null, new() { Timeout = 30_000 });
    var startMs = opened.ElapsedMilliseconds;
    var latencyMode = await page.GetAttributeAsync("#player", "data-latency");

    // Read the frame number of presented frames, at most one sample per 200 ms.
    await page.EvaluateAsync($$"""
    () => {
      const video = document.querySelector('#player video');
      const canvas = document.createElement('canvas');
      const ctx = canvas.getContext('2d', { willReadFrequently: true });
      window.__samples = [];
      window.__stalls = 0;
      video.addEventListener('waiting', () => window.__stalls++);
      let last = 0;
      const onFrame = (now, meta) => {
        if (now - last >= 200) {
          last = now;
          canvas.width = video.videoWidth; canvas.height = video.videoHeight;
          ctx.drawImage(video, 0, 0);
          const scale = video.videoWidth / 1280;
          let n = 0;
          for (let i = 0; i < {{FrameCodePublisher.Bits}}; i++) {
            const px = ctx.getImageData(Math.round((i * {{FrameCodePublisher.Block}} + {{FrameCodePublisher.Block / 2}}) * scale), Math.round({{FrameCodePublisher.Block / 2}} * scale), 1, 1).data;
            if ((px[0] + px[1] + px[2]) / 3 > 128) n |= (1 << i);
          }
          window.__samples.push({ n, shown: performance.timeOrigin + meta.expectedDisplayTime, height: video.videoHeight });
        }
        video.requestVideoFrameCallback(onFrame);
      };
      video.requestVideoFrameCallback(onFrame);
    }
    """);
    await page.WaitForTimeoutAsync(seconds * 1000);
    var json = await page.EvaluateAsync<JsonElement>("() => window.__samples");
    var stalls = await page.EvaluateAsync<int>("() => window.__stalls");
    var hlsState = await page.EvaluateAsync<string>("() => { const h = document.querySelector('#player').hls; const v = document.querySelector('#player video'); const s = v.seekable; const b = v.buffered; return h ? `hls.js latency ${h.latency?.toFixed(2)} s, target ${h.targetLatency?.toFixed(2)} s, drift ${h.drift?.toFixed(2)}, rate ${v.playbackRate}, behind seekable end ${(s.end(s.length - 1) - v.currentTime).toFixed(2)} s, buffered ahead ${(b.end(b.length - 1) - v.currentTime).toFixed(2)} s` : 'native'; }");
    await page.CloseAsync();
    var frameZero = publisher.EpochOfFrameZero;
    var timeline = json.EnumerateArray()
        .Select(s => (N: s.GetProperty("n").GetInt32(), Latency: s.GetProperty("shown").GetDouble() - (frameZero + s.GetProperty("n").GetInt32() * 1000 / FrameCodePublisher.FrameRate)))
        .ToList();
    var latencies = timeline.Select(t => t.Latency).Order().ToList();
    var heights = json.EnumerateArray().Select(s => s.GetProperty("height").GetInt32()).Distinct().Order();
    double Percentile(double p) => latencies[Math.Clamp((int)Math.Ceiling(p * latencies.Count) - 1, 0, latencies.Count - 1)];
    Console.WriteLine($"[{mode}, player latency mode '{latencyMode}'] playback started {startMs} ms after opening the channel page; {stalls} stalls; {failed.Count} HTTP errors.");
    Console.WriteLine("  " + hlsState);
    foreach (var failure in failed.Take(5))
    {
        Console.WriteLine("  " + failure);
    }

    Console.WriteLine("  first and last samples (frame, latency ms): " + string.Join(", ", timeline.Take(3).Concat(timeline.TakeLast(3)).Select(t => string.Create(CultureInfo.InvariantCulture, $"{t.N}:{t.Latency:0}"))));
    Console.WriteLine($"  glass-to-glass over {seconds} s, {latencies.Count} samples, renditions played: {string.Join("/", heights)}p");
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  min {latencies[0]:0} ms, median {Percentile(0.5):0} ms, p95 {Percentile(0.95):0} ms, max {latencies[^1]:0} ms"));
}
