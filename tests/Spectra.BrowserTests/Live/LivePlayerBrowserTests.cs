using System.Diagnostics;
using Microsoft.Playwright;
using Spectra.Testing.Live;

namespace Spectra.BrowserTests.Live;

/// <summary>The watch page in headless Chromium against a real server fed by a real ffmpeg publisher.</summary>
public sealed class LivePlayerBrowserTests
{
    [Fact]
    public async Task ChannelPage_OfflineThenLive_SwitchesToPlayerWithoutReloadAndPlays()
    {
        await using var host = await LiveHost.StartAsync(new Dictionary<string, string?> { ["Live:OfflineGrace"] = "00:00:01" });
        using var events = new LiveEventRecorder(host);
        var streamer = await host.CreateStreamerAsync("gina");
        var (playwright, browser) = await Infrastructure.Chromium.LaunchAsync();
        var context = await browser.NewContextAsync();
        try
        {
            var page = await context.NewPageAsync();
            var consoleErrors = new List<string>();
            page.Console += (_, message) =>
            {
                if (message.Type == "error")
                {
                    consoleErrors.Add(message.Text);
                }
            };
            await page.GotoAsync(new Uri(host.BaseAddress, "/gina").ToString());
            Assert.Equal("offline", await page.GetAttributeAsync("#player", "data-state"));
            await page.Locator("body").EvaluateAsync("b => b.dataset.loadMarker = 'first-load'");

            await using var publisher = ExternalProcess.FfmpegPublish(host.RtmpUrl(streamer.StreamKey), seconds: 120, size: "640x360");
            await events.WaitForOnlineAsync(streamer.ChannelId, TimeSpan.FromSeconds(40));

            // The page switches by itself (server-sent event), without a reload: the marker survives.
            await page.WaitForSelectorAsync("#player[data-state='live'] video", new() { Timeout = 15_000 });
            Assert.Equal("first-load", await page.Locator("body").GetAttributeAsync("data-load-marker"));
            Assert.Equal("hls.js", await page.GetAttributeAsync("#player", "data-playback"));

            // hls.js plays: currentTime advances.
            await page.WaitForFunctionAsync("() => document.querySelector('#player video').currentTime > 1", null, new() { Timeout = 30_000 });
            var t1 = await page.EvaluateAsync<double>("() => document.querySelector('#player video').currentTime");
            await page.WaitForFunctionAsync($"() => document.querySelector('#player video').currentTime > {t1.ToString(System.Globalization.CultureInfo.InvariantCulture)} + 1", null, new() { Timeout = 15_000 });

            // Quality menu: Auto plus every rendition (source and 240p); accessible controls.
            var qualities = await page.Locator("#player select.pc-quality option").AllTextContentsAsync();
            Assert.StartsWith("Auto", qualities[0], StringComparison.Ordinal);
            Assert.True(qualities.Count >= 3, string.Join(", ", qualities));
            Assert.Equal(1, await page.GetByRole(AriaRole.Button, new() { Name = "Full screen" }).CountAsync());
            Assert.Equal(1, await page.GetByLabel("Volume").CountAsync());
            Assert.Equal(1, await page.GetByLabel("Quality").CountAsync());

            // A viewer opening the live channel: time from navigation to the first frame playing.
            var viewer = await context.NewPageAsync();
            var clock = Stopwatch.StartNew();
            await viewer.GotoAsync(new Uri(host.BaseAddress, "/gina").ToString());
            await viewer.WaitForFunctionAsync("() => { const v = document.querySelector('#player video'); return v && v.currentTime > 0 && !v.paused; }", null, new() { Timeout = 20_000 });
            clock.Stop();
            Console.WriteLine($"Playback started {clock.ElapsedMilliseconds} ms after opening the live channel page.");

            // The publisher stops: the page says the stream ended, by itself, and the channel header drops its live facts.
            await publisher.KillAsync();
            await page.WaitForSelectorAsync("#player[data-state='ended'] .offline-message", new() { Timeout = 20_000 });
            Assert.Equal("The stream has ended.", (await page.Locator("#player .offline-message p").First.TextContentAsync())?.Trim());
            Assert.True(await page.Locator("[data-role='live-facts']").IsHiddenAsync());
            Assert.Equal("first-load", await page.Locator("body").GetAttributeAsync("data-load-marker"));
            Assert.DoesNotContain(consoleErrors, e => e.Contains("Content Security Policy", StringComparison.Ordinal));
        }
        finally
        {
            await browser.CloseAsync();
            playwright.Dispose();
        }

        Assert.Empty(host.Errors);
    }

    [Fact]
    public async Task ChannelPage_LowLatencyHls_PlaysTwentySecondsWithoutStalls()
    {
        await using var host = await LiveHost.StartAsync();
        using var events = new LiveEventRecorder(host);
        var streamer = await host.CreateStreamerAsync("hana");
        await using var publisher = ExternalProcess.FfmpegPublish(host.RtmpUrl(streamer.StreamKey), seconds: 120, size: "640x360");
        await events.WaitForOnlineAsync(streamer.ChannelId, TimeSpan.FromSeconds(40));
        var (playwright, browser) = await Infrastructure.Chromium.LaunchAsync();
        try
        {
            var page = await browser.NewPageAsync();
            var blockingReloads = 0;
            var parts = 0;
            page.Request += (_, request) =>
            {
                if (request.Url.Contains("_HLS_msn=", StringComparison.Ordinal))
                {
                    Interlocked.Increment(ref blockingReloads);
                }
                else if (System.Text.RegularExpressions.Regex.IsMatch(request.Url, @"/\d+\.\d+\.m4s$"))
                {
                    Interlocked.Increment(ref parts);
                }
            };
            await page.GotoAsync(new Uri(host.BaseAddress, "/hana").ToString());
            await page.WaitForFunctionAsync("() => { const v = document.querySelector('#player video'); return v && v.currentTime > 0 && !v.paused; }", null, new() { Timeout = 30_000 });
            Assert.Equal("low", await page.GetAttributeAsync("#player", "data-latency"));

            // Sample currentTime every 250 ms for 20 s and count 'waiting' (buffer ran dry) events.
            var samples = await page.EvaluateAsync<double[]>("""
                () => new Promise(resolve => {
                  const v = document.querySelector('#player video');
                  const times = [];
                  window.__stalls = 0;
                  v.addEventListener('waiting', () => window.__stalls++);
                  const timer = setInterval(() => {
                    times.push(v.currentTime);
                    if (times.length > 80) { clearInterval(timer); resolve(times); }
                  }, 250);
                })
                """);
            var stalls = await page.EvaluateAsync<int>("() => window.__stalls");

            // Media time advances with the clock (timing noise of a shared machine allowed) and never stands still
            // for a second.
            var advanced = samples[^1] - samples[0];
            Assert.True(advanced > 17, $"currentTime advanced {advanced:0.00} s in 20 s");
            for (var i = 4; i < samples.Length; i++)
            {
                Assert.True(samples[i] > samples[i - 4], $"currentTime stood still at {samples[i]:0.00} s for a second");
            }

            Assert.Equal(0, stalls);
            Assert.True(blockingReloads > 10, $"{blockingReloads} blocking playlist reloads");
            Assert.True(parts > 10, $"{parts} part requests");
            var latency = await page.EvaluateAsync<double>("() => { const v = document.querySelector('#player video'); const s = v.seekable; return s.end(s.length - 1) - v.currentTime; }");
            Console.WriteLine($"LL-HLS: {blockingReloads} blocking reloads, {parts} parts, {latency:0.00} s behind the playlist's live edge.");
        }
        finally
        {
            await browser.CloseAsync();
            playwright.Dispose();
        }

        Assert.Empty(host.Errors);
    }

    [Fact]
    public async Task HomePage_ChannelGoesLive_LiveNowCardAppearsWithoutReload()
    {
        await using var host = await LiveHost.StartAsync(new Dictionary<string, string?> { ["Live:OfflineGrace"] = "00:00:00" });
        using var events = new LiveEventRecorder(host);
        var streamer = await host.CreateStreamerAsync("hana");
        var (playwright, browser) = await Infrastructure.Chromium.LaunchAsync();
        var context = await browser.NewContextAsync();
        try
        {
            var page = await context.NewPageAsync();
            await page.GotoAsync(host.BaseAddress.ToString());
            Assert.True(await page.Locator("#live-now .empty-state").IsVisibleAsync());

            await using var publisher = ExternalProcess.FfmpegPublish(host.RtmpUrl(streamer.StreamKey), seconds: 120, size: "640x360");
            await events.WaitForOnlineAsync(streamer.ChannelId, TimeSpan.FromSeconds(40));
            await page.WaitForSelectorAsync("#live-now .live-card[data-channel='hana']", new() { Timeout = 15_000 });
            Assert.False(await page.Locator("#live-now .empty-state").IsVisibleAsync());
            var src = await page.GetAttributeAsync("#live-now .live-card[data-channel='hana'] img.live-thumb", "src");
            Assert.StartsWith("/hls/hana/thumbnail.jpg?t=", src, StringComparison.Ordinal);

            await publisher.KillAsync();
            await page.WaitForSelectorAsync("#live-now .live-card[data-channel='hana']", new() { State = WaitForSelectorState.Detached, Timeout = 20_000 });
            Assert.True(await page.Locator("#live-now .empty-state").IsVisibleAsync());
        }
        finally
        {
            await browser.CloseAsync();
            playwright.Dispose();
        }

        Assert.Empty(host.Errors);
    }
}
