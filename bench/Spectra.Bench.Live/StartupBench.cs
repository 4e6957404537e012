using System.Globalization;
using System.Net.Http.Headers;
using System.Text.Json;
using Microsoft.Playwright;
using Spectra.Testing.Live;

namespace Spectra.Bench.Live;

/// <summary>
/// Channel page start-up: navigation start → first video frame presented (requestVideoFrameCallback), per latency
/// mode, over N fresh browser contexts (cold cache, like a first visit) against one channel that has been live for a
/// while; the JavaScript and CSS the page loads, compressed as served; and the request timeline of one start of each
/// mode. Modes: low (LL-HLS, the default), standard (?latency=standard), lowest (HTTP-FLV, chosen in localStorage
/// before navigation as the latency menu remembers it).
/// </summary>
internal static class StartupBench
{
    // Runs before any page script: marks on every video element the page creates (the server-rendered one and the
    // player's), the first presented frame with its frame number read from the picture.
    private const string InitScript = """
    (() => {
      const hook = (v) => {
        if (v.__marks) return;
        const m = v.__marks = {};
        const mark = (k) => { if (!(k in m)) m[k] = performance.now(); };
        v.addEventListener('loadedmetadata', () => mark('loadedmetadata'));
        v.addEventListener('playing', () => mark('playing'));
        v.addEventListener('timeupdate', () => { if (v.currentTime > 0 && !v.paused) mark('advancing'); });
        if (!v.requestVideoFrameCallback) return;
        v.requestVideoFrameCallback((now, meta) => {
          m.frame = now;
          m.shown = performance.timeOrigin + meta.expectedDisplayTime;
          try {
            const c = document.createElement('canvas');
            c.width = v.videoWidth; c.height = v.videoHeight;
            const ctx = c.getContext('2d', { willReadFrequently: true });
            ctx.drawImage(v, 0, 0);
            const scale = v.videoWidth / 1280;
            let n = 0;
            for (let i = 0; i < BITS; i++) {
              const px = ctx.getImageData(Math.round((i * BLOCK + BLOCK / 2) * scale), Math.round(BLOCK / 2 * scale), 1, 1).data;
              if ((px[0] + px[1] + px[2]) / 3 > 128) n |= (1 << i);
            }
            m.n = n;
            m.height = v.videoHeight;
          } catch { }
        });
      };
      new MutationObserver(() => document.querySelectorAll('video').forEach(hook)).observe(document, { childList: true, subtree: true });
      LATENCY
    })();
    """;

    private const string Ready = "() => { const v = document.querySelector('#player video'); return !!(v && v.__marks && v.__marks.frame && v.currentTime > 0 && !v.paused); }";

    public static async Task RunAsync(string[] args)
    {
        var runs = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 10;
        var modes = (args.Length > 1 ? args[1] : "low,standard,lowest").Split(',');
        var keyframeSeconds = args.Length > 2 ? double.Parse(args[2], CultureInfo.InvariantCulture) : 2;
        var height = args.Length > 3 ? args[3] : "360";
        var videoKbps = args.Length > 4 ? int.Parse(args[4], CultureInfo.InvariantCulture) : 0;
        await using var host = await LiveHost.StartAsync(LadderSettings.SourcePlus(height));
        var streamer = await host.CreateStreamerAsync("startup");
        using var events = new LiveEventRecorder(host);
        await using var publisher = new FrameCodePublisher(host.RtmpUrl(streamer.StreamKey), (int)Math.Round(keyframeSeconds * FrameCodePublisher.FrameRate), videoKbps);
        await events.WaitForOnlineAsync(streamer.ChannelId, TimeSpan.FromSeconds(60));
        await Task.Delay(TimeSpan.FromSeconds(8)); // a channel already live: a full window of segments
        Console.WriteLine($"Channel live (publisher keyframes every {keyframeSeconds} s, {(videoKbps > 0 ? $"{videoKbps} kbit/s CBR" : "no rate control")}, ladder source + {height}p); {runs} runs per mode: {string.Join(", ", modes)}.");

        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(new()
        {
            ExecutablePath = "/usr/bin/chromium",
            Headless = true,
            Timeout = 60_000,
            Args = ["--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--disable-quic"],
        });
        var results = modes.ToDictionary(m => m, _ => new List<Start>());
        var assets = new Dictionary<string, HashSet<string>>();
        for (var run = 0; run < runs; run++)
        {
            foreach (var mode in modes) // interleaved, so load spikes of the shared machine spread over the modes
            {
                var start = await MeasureOnceAsync(browser, host, mode, publisher, printTimeline: run == 0);
                results[mode].Add(start);
                assets[mode] = start.Assets;
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  run {run + 1} {mode,-8} first frame {start.FirstFrameMs,6:0} ms  (page DOMContentLoaded {start.DomContentLoadedMs,5:0} ms, first media request {start.FirstMediaRequestMs,5:0} ms, playing {start.PlayingMs,5:0} ms, latency at first frame {start.LatencyAtFirstFrameMs,5:0} ms, {start.Height}p)"));
            }
        }

        Console.WriteLine();
        Console.WriteLine("| mode | runs | first frame median | p90 | min | max | latency at first frame, median |");
        Console.WriteLine("| --- | ---: | ---: | ---: | ---: | ---: | ---: |");
        foreach (var mode in modes)
        {
            var frames = results[mode].Select(s => s.FirstFrameMs).Where(ms => ms > 0).Order().ToList();
            var latencies = results[mode].Select(s => s.LatencyAtFirstFrameMs).Where(ms => ms > 0).Order().ToList();
            if (frames.Count == 0)
            {
                Console.WriteLine($"| {mode} | 0 | – | – | – | – | – |");
                continue;
            }

            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| {mode} | {frames.Count} | {Percentile(frames, 0.5):0} ms | {Percentile(frames, 0.9):0} ms | {frames[0]:0} ms | {frames[^1]:0} ms | {(latencies.Count > 0 ? Percentile(latencies, 0.5) : 0):0} ms |"));
        }

        Console.WriteLine();
        using var client = new HttpClient(new SocketsHttpHandler { AutomaticDecompression = System.Net.DecompressionMethods.None }) { BaseAddress = host.BaseAddress };
        foreach (var mode in modes)
        {
            await PrintWeightAsync(client, mode, assets[mode]);
        }
    }

    private static async Task<Start> MeasureOnceAsync(IBrowser browser, LiveHost host, string mode, FrameCodePublisher publisher, bool printTimeline)
    {
        var context = await browser.NewContextAsync(new() { ViewportSize = new() { Width = 1280, Height = 900 } });
        try
        {
            var latency = mode == "lowest" ? "try { localStorage.setItem('spectra-latency', 'lowest'); } catch { }" : string.Empty;
            await context.AddInitScriptAsync(InitScript
                .Replace("BITS", FrameCodePublisher.Bits.ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal)
                .Replace("BLOCK", FrameCodePublisher.Block.ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal)
                .Replace("LATENCY", latency, StringComparison.Ordinal));
            var page = await context.NewPageAsync();
            if (Environment.GetEnvironmentVariable("SPECTRA_BENCH_CONSOLE") == "1")
            {
                page.Console += (_, message) => Console.WriteLine($"    console {message.Text}");
            }

            await page.GotoAsync(new Uri(host.BaseAddress, mode == "standard" ? "/startup?latency=standard" : "/startup").ToString());
            try
            {
                await page.WaitForFunctionAsync(Ready, null, new() { Timeout = 20_000, PollingInterval = 20 });
            }
            catch (TimeoutException)
            {
                Console.WriteLine($"  {mode}: no frame within 20 s");
                return new Start(0, 0, 0, 0, 0, 0, []);
            }

            var json = await page.EvaluateAsync<JsonElement>("""
            () => {
              const v = document.querySelector('#player video');
              const nav = performance.getEntriesByType('navigation')[0];
              const res = performance.getEntriesByType('resource').map(r => ({ name: r.name, start: r.startTime, end: r.responseEnd, size: r.encodedBodySize, type: r.initiatorType }));
              return { marks: v.__marks, playback: document.querySelector('#player').dataset.playback || '', nav: { responseEnd: nav.responseEnd, dcl: nav.domContentLoadedEventEnd }, res };
            }
            """);
            var marks = json.GetProperty("marks");
            double Mark(string name) => marks.TryGetProperty(name, out var value) ? value.GetDouble() : 0;
            var resources = json.GetProperty("res").EnumerateArray()
                .Select(r => (Name: new Uri(r.GetProperty("name").GetString()!), Start: r.GetProperty("start").GetDouble(), End: r.GetProperty("end").GetDouble(), Size: r.GetProperty("size").GetInt64(), Type: r.GetProperty("type").GetString()))
                .ToList();
            var media = resources.Where(r => r.Name.AbsolutePath.StartsWith("/hls/", StringComparison.Ordinal) || r.Name.AbsolutePath.StartsWith("/live/", StringComparison.Ordinal)).ToList();
            var frameZero = publisher.EpochOfFrameZero;
            var latencyAtFirstFrame = marks.TryGetProperty("n", out var n) ? Mark("shown") - (frameZero + n.GetInt32() * 1000 / FrameCodePublisher.FrameRate) : 0;
            var nav = json.GetProperty("nav");
            if (printTimeline)
            {
                Console.WriteLine($"  timeline of one start, {mode} ({json.GetProperty("playback").GetString()}), ms from navigation start (request start → response end, encoded bytes):");
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"    page HTML {nav.GetProperty("responseEnd").GetDouble(),6:0}, DOMContentLoaded {nav.GetProperty("dcl").GetDouble(),6:0}"));
                foreach (var r in resources.Where(r => r.Start <= Mark("frame") + 50).Take(40))
                {
                    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"    {r.Start,6:0} → {(r.End > 0 ? r.End.ToString("0", CultureInfo.InvariantCulture) : "open"),6}  {r.Size,8}  {r.Type,-14} {r.Name.PathAndQuery}"));
                }

                Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"    loadedmetadata {Mark("loadedmetadata"):0}, playing {Mark("playing"):0}, first frame {Mark("frame"):0}, currentTime advancing {Mark("advancing"):0}"));
            }

            var assetPaths = resources
                .Where(r => r.Name.AbsolutePath.EndsWith(".js", StringComparison.Ordinal) || r.Name.AbsolutePath.EndsWith(".css", StringComparison.Ordinal))
                .Select(r => r.Name.PathAndQuery)
                .ToHashSet();
            return new Start(
                Mark("frame"),
                nav.GetProperty("dcl").GetDouble(),
                media.Count > 0 ? media.Min(r => r.Start) : 0,
                Mark("playing"),
                latencyAtFirstFrame,
                marks.TryGetProperty("height", out var h) ? h.GetInt32() : 0,
                assetPaths);
        }
        finally
        {
            await context.CloseAsync();
        }
    }

    // Bytes as the server sends them to a browser that accepts Brotli (Chromium only asks for it over HTTPS, so the
    // benchmark asks itself) and to one that accepts only gzip.
    private static async Task PrintWeightAsync(HttpClient client, string mode, HashSet<string> paths)
    {
        long jsBr = 0, jsGz = 0, cssBr = 0, cssGz = 0;
        var lines = new List<string>();
        foreach (var path in paths.Order(StringComparer.Ordinal))
        {
            var br = await SizeAsync(client, path, "br");
            var gz = await SizeAsync(client, path, "gzip");
            var css = new Uri(client.BaseAddress!, path).AbsolutePath.EndsWith(".css", StringComparison.Ordinal);
            if (css)
            {
                cssBr += br;
                cssGz += gz;
            }
            else
            {
                jsBr += br;
                jsGz += gz;
            }

            lines.Add(string.Create(CultureInfo.InvariantCulture, $"    {br,8:N0} B br  {gz,8:N0} B gzip  {path}"));
        }

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  page weight, {mode}: JS {jsBr / 1024.0:0.0} KiB br ({jsGz / 1024.0:0.0} KiB gzip), CSS {cssBr / 1024.0:0.0} KiB br ({cssGz / 1024.0:0.0} KiB gzip)"));
        foreach (var line in lines)
        {
            Console.WriteLine(line);
        }
    }

    private static async Task<long> SizeAsync(HttpClient client, string path, string encoding)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.AcceptEncoding.Add(new StringWithQualityHeaderValue(encoding));
        using var response = await client.SendAsync(request);
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadAsByteArrayAsync()).LongLength;
    }

    private static double Percentile(List<double> sorted, double p) => sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Count) - 1, 0, sorted.Count - 1)];

    private sealed record Start(double FirstFrameMs, double DomContentLoadedMs, double FirstMediaRequestMs, double PlayingMs, double LatencyAtFirstFrameMs, int Height, HashSet<string> Assets);
}
