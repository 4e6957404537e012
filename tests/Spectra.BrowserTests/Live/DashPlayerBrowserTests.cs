using System.Globalization;
using Microsoft.Playwright;
using Spectra.Testing.Live;

namespace Spectra.BrowserTests.Live;

/// <summary>
/// The MPD at /dash/{channel}/manifest.mpd played by dash.js (the npm package, served from the repository's
/// node_modules on Spectra's own origin, never fetched from the internet) in headless Chromium.
/// </summary>
public sealed class DashPlayerBrowserTests
{
    private const string PagePath = "/dash-player-test.html";
    private const string ScriptPath = "/dash-player-test/dash.all.min.js";

    /// <summary>
    /// dash.js plays 20 s with currentTime advancing every second. As a plain DASH player (ServiceDescription ignored:
    /// suggestedPresentationDelay) and as a low-latency one (availabilityTimeOffset, chunked segments, ServiceDescription). The live latency dash.js reports is
    /// printed for docs/benchmarks.md; the bound asserted is only a sanity bound, not the target.
    /// </summary>
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task DashJs_LiveMpd_PlaysTwentySecondsWithinLatencyBound(bool lowLatency)
    {
        await using var host = await LiveHost.StartAsync();
        using var events = new LiveEventRecorder(host);
        var streamer = await host.CreateStreamerAsync("dashy");
        await using var publisher = ExternalProcess.FfmpegPublish(host.RtmpUrl(streamer.StreamKey), seconds: 90, size: "640x360");
        await events.WaitForOnlineAsync(streamer.ChannelId, TimeSpan.FromSeconds(40));

        var (playwright, browser) = await Infrastructure.Chromium.LaunchAsync();
        try
        {
            var page = await browser.NewPageAsync();
            var consoleErrors = new List<string>();
            page.Console += (_, message) =>
            {
                if (message.Type == "error")
                {
                    consoleErrors.Add(message.Text);
                }
            };
            await page.RouteAsync("**" + ScriptPath, route => route.FulfillAsync(new() { Path = DashJsPath, ContentType = "text/javascript" }));
            await page.RouteAsync("**" + PagePath, route => route.FulfillAsync(new() { Body = PageHtml("/dash/dashy/manifest.mpd", lowLatency), ContentType = "text/html" }));
            await page.GotoAsync(new Uri(host.BaseAddress, PagePath).ToString());
            var failedRequests = new List<string>();
            page.Response += (_, response) =>
            {
                if (response.Status >= 400)
                {
                    failedRequests.Add($"{response.Status} {response.Url}");
                }
            };
            try
            {
                await page.WaitForFunctionAsync("() => document.querySelector('video').currentTime > 0.5", null, new() { Timeout = 30_000 });
            }
            catch (TimeoutException)
            {
                var errorsSoFar = await page.EvaluateAsync<string[]>("() => window.dashErrors");
                throw new TimeoutException($"dash.js did not start: errors {string.Join("; ", errorsSoFar)}; console {string.Join("; ", consoleErrors)}; failed requests {string.Join("; ", failedRequests)}");
            }

            // A low-latency start seeks to the live edge once the clock is synchronised: let start-up settle.
            await Task.Delay(TimeSpan.FromSeconds(3));
            var samples = new List<double>();
            var latencies = new List<double>();
            for (var i = 0; i <= 20; i++)
            {
                samples.Add(await page.EvaluateAsync<double>("() => document.querySelector('video').currentTime"));
                latencies.Add(await page.EvaluateAsync<double>("() => window.player.getCurrentLiveLatency()"));
                await Task.Delay(1000);
            }

            var trace = string.Join(", ", samples.Select(s => s.ToString("0.00", CultureInfo.InvariantCulture)));
            // Playing: currentTime keeps up with the clock. A loaded machine may stretch one or two sampling intervals
            // (the sampling itself runs in the same browser), a stall holds currentTime for seconds.
            var slow = 0;
            for (var i = 1; i < samples.Count; i++)
            {
                slow += samples[i] - samples[i - 1] > 0.5 ? 0 : 1;
            }

            Assert.True(slow <= 2 && samples[^1] - samples[0] > 15, $"currentTime stalled: {trace}");

            // The last 10 s, after dash.js has settled on its target.
            var settled = latencies.Skip(10).ToList();
            var mean = settled.Average();
            Console.WriteLine($"dash.js {(lowLatency ? "low-latency" : "plain")} live latency: mean {mean:0.00} s, min {settled.Min():0.00} s, max {settled.Max():0.00} s");
            Assert.InRange(mean, 0.1, 6);
            var errors = await page.EvaluateAsync<string[]>("() => window.dashErrors");
            Assert.True(errors.Length == 0, "dash.js errors: " + string.Join("; ", errors));
            Assert.Empty(consoleErrors);
        }
        finally
        {
            await browser.CloseAsync();
            playwright.Dispose();
        }

        Assert.Empty(host.Errors);
    }

    private static string DashJsPath =>
        Path.Combine(Infrastructure.RepositoryPaths.Root, "src", "Spectra.Server", "ClientApp", "node_modules", "dashjs", "dist", "modern", "umd", "dash.all.min.js");

    /// <summary>
    /// A page with dash.js on <paramref name="manifest"/>. Without <paramref name="lowLatency"/>, dash.js plays as a
    /// player without low-latency support would: ServiceDescription ignored, suggestedPresentationDelay applies.
    /// </summary>
    private static string PageHtml(string manifest, bool lowLatency) =>
        $$"""
        <!doctype html>
        <html lang="en"><head><meta charset="utf-8"><title>dash.js</title></head>
        <body>
        <video muted autoplay playsinline></video>
        <script src="{{ScriptPath}}"></script>
        <script>
          window.dashErrors = [];
          const player = dashjs.MediaPlayer().create();
          {{(lowLatency ? string.Empty : "player.updateSettings({ streaming: { applyServiceDescription: false } });")}}
          player.on(dashjs.MediaPlayer.events.ERROR, e => window.dashErrors.push(JSON.stringify(e.error || e)));
          player.initialize(document.querySelector('video'), '{{manifest}}', true);
          window.player = player;
        </script>
        </body></html>
        """;
}
