using Microsoft.Playwright;
using Spectra.BrowserTests.Infrastructure;

namespace Spectra.BrowserTests.Experience;

/// <summary>
/// Screenshots of the main pages at desktop and phone size compared with the committed baselines in
/// Baselines/, with everything that changes between runs masked (video, thumbnails, counters, times,
/// charts). scripts/update-baselines.sh rewrites the baselines after a deliberate change of the design.
/// </summary>
[Collection(ExperienceCollection.Name)]
public sealed class VisualRegressionBrowserTests(ExperienceSite site)
{
    /// <summary>Set to 1 to write the screenshots as the new baselines instead of comparing.</summary>
    public const string UpdateVariable = "SPECTRA_UPDATE_BASELINES";

    /// <summary>A pixel differs when one of its channels differs by more than this (0–255): anti-aliasing noise stays below.</summary>
    private const int ChannelThreshold = 32;

    /// <summary>Largest share of differing pixels that still matches.</summary>
    private const double MaxDifferingFraction = 0.01;

    private static readonly SitePage[] Pages =
        [SitePage.Home, SitePage.ChannelLive, SitePage.ChannelOffline, SitePage.Dashboard, SitePage.Analytics, SitePage.Search];

    private static readonly SitePage[] DocumentedPages = [SitePage.Home, SitePage.ChannelLive, SitePage.Dashboard];

    public static TheoryData<string, string> Cases() => Matrix(Pages);

    public static TheoryData<string, string> DocumentedCases() => Matrix(DocumentedPages);

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Page_Screen_MatchesBaseline(string page, string screen)
    {
        var sitePage = SitePage.Named(page);
        var size = Screen.Named(screen);
        var fileName = $"{page}-{screen}.png";
        var actual = await ScreenshotAsync(sitePage, size, masked: true);
        var baseline = Path.Combine(RepositoryPaths.Baselines, fileName);

        if (Environment.GetEnvironmentVariable(UpdateVariable) == "1")
        {
            Directory.CreateDirectory(RepositoryPaths.Baselines);
            await File.WriteAllBytesAsync(baseline, actual);
            return;
        }

        Directory.CreateDirectory(RepositoryPaths.VisualOutput);
        var actualPath = Path.Combine(RepositoryPaths.VisualOutput, $"{page}-{screen}.actual.png");
        if (!File.Exists(baseline))
        {
            await File.WriteAllBytesAsync(actualPath, actual);
            Assert.Fail($"No baseline {baseline}. The screenshot taken is {actualPath}; run scripts/update-baselines.sh to accept it.");
        }

        var difference = await PngComparer.CompareAsync(await site.ScratchPageAsync(), await File.ReadAllBytesAsync(baseline), actual, ChannelThreshold);
        if (difference.SameSize && difference.DifferingFraction <= MaxDifferingFraction)
        {
            return;
        }

        await File.WriteAllBytesAsync(actualPath, actual);
        var message = $"{page} at {size} does not match {baseline}: ";
        if (!difference.SameSize)
        {
            Assert.Fail(message + $"the baseline is {difference.ExpectedWidth}×{difference.ExpectedHeight}, the page {difference.ActualWidth}×{difference.ActualHeight}. Actual: {actualPath}");
        }

        var diffPath = Path.Combine(RepositoryPaths.VisualOutput, $"{page}-{screen}.diff.png");
        await File.WriteAllBytesAsync(diffPath, difference.DiffPng!);
        Assert.Fail(message + $"{difference.DifferingFraction:P2} of the pixels differ (at most {MaxDifferingFraction:P0} may). Actual: {actualPath}; differences in red: {diffPath}");
    }

    /// <summary>The screenshots in docs/screenshots, unmasked (the test pattern shows in the player).</summary>
    [ScreenshotsTheory]
    [MemberData(nameof(DocumentedCases))]
    public async Task DocsScreenshot_Page_Written(string page, string screen)
    {
        var folder = Environment.GetEnvironmentVariable(ScreenshotsTheoryAttribute.Variable)!;
        Directory.CreateDirectory(folder);
        var png = await ScreenshotAsync(SitePage.Named(page), Screen.Named(screen), masked: false);

        // The README shows docs/screenshots/channel-*.png.
        var name = page == SitePage.ChannelLive.Name ? "channel" : page;
        await File.WriteAllBytesAsync(Path.Combine(folder, $"{name}-{screen}.png"), png);
    }

    private static TheoryData<string, string> Matrix(IEnumerable<SitePage> pages)
    {
        var cases = new TheoryData<string, string>();
        foreach (var page in pages)
        {
            foreach (var screen in new[] { Screen.Desktop, Screen.Phone })
            {
                cases.Add(page.Name, screen.Name);
            }
        }

        return cases;
    }

    /// <summary>A full-page screenshot in the light theme, signed in for the pages that need it.</summary>
    private async Task<byte[]> ScreenshotAsync(SitePage page, Screen size, bool masked)
    {
        var tab = await site.OpenForScreenshotAsync(page, size, signedIn: page.Access == PageAccess.SignedIn, ColorScheme.Light);
        try
        {
            // Focus keeps the player's controls shown (they hide a few seconds after the last movement).
            var frame = tab.Locator(SiteSelectors.PlayerFrame);
            if (await frame.CountAsync() > 0)
            {
                await frame.FocusAsync();
            }

            await tab.EvaluateAsync("() => new Promise(r => requestAnimationFrame(() => requestAnimationFrame(r)))");
            return await tab.ScreenshotAsync(new PageScreenshotOptions
            {
                FullPage = true,
                Animations = ScreenshotAnimations.Disabled,
                Caret = ScreenshotCaret.Hide,
                Mask = masked ? [.. SiteSelectors.Volatile.Select(selector => tab.Locator(selector))] : null,
                MaskColor = "#ff00ff",

                // Stream health warnings come and go with the encoder's timing and change the page's height.
                Style = masked ? "[data-health-warnings] { display: none !important; }" : null,
            });
        }
        finally
        {
            await tab.CloseAsync();
        }
    }
}
