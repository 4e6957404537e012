using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Microsoft.Playwright;
using Spectra.Bench.Live;
using Spectra.Testing.Live;

// Glass-to-glass latency of standard HLS: ffmpeg → RTMP → Spectra (passthrough + one encoded rendition, 1 s
// segments) → hls.js in headless Chromium on the same machine (one clock). Every displayed frame's number is
// read back from the picture (requestVideoFrameCallback + canvas) and compared with when that frame was sent.
// Usage: dotnet run -c Release --project bench/Spectra.Bench.Live -- [seconds=30] [rendition-height=360]
var seconds = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 30;
var height = args.Length > 1 ? args[1] : "360";
await using var host = await LiveHost.StartAsync(new Dictionary<string, string?>
{
    ["Transcoding:Preset"] = "veryfast",
    ["Transcoding:Renditions:0:Name"] = height + "p",
    ["Transcoding:Renditions:0:Height"] = height,
    ["Transcoding:Renditions:0:VideoBitrateKbps"] = "800",
    ["Transcoding:ThumbnailIntervalSeconds"] = "30",
    ["Transcoding:ThumbnailHeight"] = "360",
    ["Logging:LogLevel:Default"] = "Warning",
});
var streamer = await host.CreateStreamerAsync("latency");
using var events = new LiveEventRecorder(host);
await using var publisher = new FrameCodePublisher(host.RtmpUrl(streamer.StreamKey));
var sentAt = Stopwatch.StartNew();
await events.WaitForOnlineAsync(streamer.ChannelId, TimeSpan.FromSeconds(60));
Console.WriteLine($"Live {sentAt.ElapsedMilliseconds} ms after the publisher started.");

using var playwright = await Playwright.CreateAsync();
var profile = Directory.CreateTempSubdirectory("spectra-bench-chromium-");
await using var context = await playwright.Chromium.LaunchPersistentContextAsync(profile.FullName, new()
{
    ExecutablePath = "/usr/bin/chromium",
    Headless = true,
    Args = ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
    ViewportSize = new() { Width = 1280, Height = 900 },
});
var page = context.Pages.Count > 0 ? context.Pages[0] : await context.NewPageAsync();
var opened = Stopwatch.StartNew();
await page.GotoAsync(new Uri(host.BaseAddress, "/latency").ToString());
await page.WaitForFunctionAsync("() => { const v = document.querySelector('#player video'); return v && v.currentTime > 0 && !v.paused; }", null, new() { Timeout = 30_000 });
var startMs = opened.ElapsedMilliseconds;

// Read the frame number of presented frames, at most one sample per 200 ms.
await page.EvaluateAsync($$"""
() => {
  const video = document.querySelector('#player video');
  const canvas = document.createElement('canvas');
  const ctx = canvas.getContext('2d', { willReadFrequently: true });
  window.__samples = [];
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
var frameZero = publisher.EpochOfFrameZero;
var latencies = json.EnumerateArray()
    .Select(s => s.GetProperty("shown").GetDouble() - (frameZero + s.GetProperty("n").GetInt32() * 1000 / FrameCodePublisher.FrameRate))
    .Order()
    .ToList();
var timeline = json.EnumerateArray()
    .Select(s => (N: s.GetProperty("n").GetInt32(), Latency: s.GetProperty("shown").GetDouble() - (frameZero + s.GetProperty("n").GetInt32() * 1000 / FrameCodePublisher.FrameRate)))
    .ToList();
Console.WriteLine("First and last samples (frame, latency ms): " + string.Join(", ", timeline.Take(3).Concat(timeline.TakeLast(3)).Select(t => string.Create(CultureInfo.InvariantCulture, $"{t.N}:{t.Latency:0}"))));
var heights = json.EnumerateArray().Select(s => s.GetProperty("height").GetInt32()).Distinct().Order();
double Percentile(double p) => latencies[Math.Clamp((int)Math.Ceiling(p * latencies.Count) - 1, 0, latencies.Count - 1)];
Console.WriteLine($"Playback started {startMs} ms after opening the channel page.");
Console.WriteLine($"Glass-to-glass over {seconds} s, {latencies.Count} samples, renditions played: {string.Join("/", heights)}p");
Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  min {latencies[0]:0} ms, median {Percentile(0.5):0} ms, p95 {Percentile(0.95):0} ms, max {latencies[^1]:0} ms"));
await context.CloseAsync();
profile.Delete(recursive: true);
