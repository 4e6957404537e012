using System.Globalization;
using Microsoft.Playwright;
using Spectra.BrowserTests.Experience;
using Spectra.BrowserTests.Infrastructure;

namespace Spectra.BrowserTests.Live;

/// <summary>A past broadcast in Chromium: hls.js plays the recording from the start, seeks, and plays on to the end.</summary>
[Collection(ExperienceCollection.Name)]
public sealed class VodPlayerBrowserTests(ExperienceSite site)
{
    [Fact]
    public async Task VideoPage_PlaysSeeksAndEnds()
    {
        var context = await site.NewContextAsync(Screen.Desktop, signedIn: false);
        try
        {
            var page = await site.OpenAsync(context, SitePage.Video);
            var video = "document.getElementById('vod-player')";

            // The whole recording is there: a finite duration of the 5 s broadcast, starting at 0.
            var duration = await page.EvaluateAsync<double>($"() => {video}.duration");
            Assert.InRange(duration, 3.5, 6.5);
            await page.EvaluateAsync($"() => {{ {video}.muted = true; return {video}.play(); }}");
            await page.WaitForFunctionAsync($"() => {video}.currentTime > 0.5", null, new() { Timeout = 15_000 });

            // Seek forward, then back to the start: playback resumes from each position.
            await page.EvaluateAsync($"() => {{ {video}.currentTime = {(duration - 2).ToString("0.0", CultureInfo.InvariantCulture)}; }}");
            await page.WaitForFunctionAsync($"() => !{video}.seeking && {video}.currentTime >= {(duration - 2).ToString("0.0", CultureInfo.InvariantCulture)}", null, new() { Timeout = 15_000 });
            await page.WaitForFunctionAsync($"() => {video}.ended", null, new() { Timeout = 15_000 });
            await page.EvaluateAsync($"() => {{ {video}.currentTime = 0.2; return {video}.play(); }}");
            await page.WaitForFunctionAsync($"() => !{video}.ended && {video}.currentTime > 0.8 && {video}.currentTime < {(duration - 1).ToString("0.0", CultureInfo.InvariantCulture)}", null, new() { Timeout = 15_000 });

            // Title and channel as the API has them; the download links name each rendition.
            Assert.Equal(ExperienceSite.OfflineTitle, (await page.Locator("h1.video-title").TextContentAsync())?.Trim());
            Assert.True(await page.Locator(".video-downloads a[download]").CountAsync() >= 1);
        }
        finally
        {
            await context.CloseAsync();
        }
    }
}
