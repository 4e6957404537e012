using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Spectra.Server.Community.Analytics;

namespace Spectra.BrowserTests.Community;

/// <summary>The creator analytics page in a real browser: figures of a broadcast and the server-rendered SVG charts.</summary>
[Collection(CommunityBrowserCollection.Name)]
public sealed class AnalyticsBrowserTests
{
    [Fact]
    public async Task AnalyticsPage_AfterBroadcastWithViewerAndFollower_RendersFiguresAndSvgCharts()
    {
        await using var browser = await CommunityBrowser.StartAsync();
        var creator = await browser.SignedInPageAsync("carol");
        var viewer = await browser.SignedInPageAsync("dave");
        await browser.GoLiveAsync("carol");

        // The channel page's script sends the watch heartbeat (unique viewers) on load; its open chat makes the viewer count.
        IResponse? heartbeat = null;
        await browser.RunAndWaitForViewersAsync("carol", 1, async () => heartbeat = await viewer.RunAndWaitForResponseAsync(
            () => viewer.GotoAsync("/carol"),
            r => r.Request.Method == "POST" && r.Url.EndsWith("/api/v1/channels/carol/watch", StringComparison.Ordinal)));
        Assert.True(heartbeat!.Ok, $"heartbeat answered {heartbeat.Status}");
        await viewer.GetByRole(AriaRole.Button, new() { Name = "Follow", Exact = true }).ClickAsync();
        await Assertions.Expect(viewer.GetByRole(AriaRole.Button, new() { Name = "Unfollow" })).ToBeVisibleAsync();
        await browser.Host.GetRequiredService<ViewerSampler>().RunOnceAsync(CancellationToken.None);

        await creator.GotoAsync("/dashboard/analytics");
        await Assertions.Expect(Figure(creator, "Broadcasts")).ToHaveTextAsync("1");
        await Assertions.Expect(Figure(creator, "Peak viewers")).ToHaveTextAsync("1");
        await Assertions.Expect(Figure(creator, "Unique viewers")).ToHaveTextAsync("1");
        await Assertions.Expect(Figure(creator, "New followers")).ToHaveTextAsync("1");
        await Assertions.Expect(Figure(creator, "Followers")).ToHaveTextAsync("1");
        // Durations in the unit that reads: seconds, minutes, then hours and minutes (never "0.0 h").
        await Assertions.Expect(Figure(creator, "Live time")).ToHaveTextAsync(Duration);
        await Assertions.Expect(creator.Locator(".studio-nav a[aria-current=page]")).ToHaveTextAsync("Analytics");

        var charts = creator.Locator(".community-chart svg");
        await Assertions.Expect(charts).ToHaveCountAsync(2);
        await AssertChartReadsInBothThemesAsync(creator);
        await AssertChartAsync(creator, 0, "Peak viewers per day", points: 7, top: "1");
        await AssertChartAsync(creator, 1, "Followers", points: 7, top: "1");

        await creator.GetByRole(AriaRole.Link, new() { Name = "30 days" }).ClickAsync();
        await AssertChartAsync(creator, 0, "Peak viewers per day", points: 30, top: "1");

        // One broadcast row, live; its link adds the broadcast's own viewer chart.
        var row = creator.Locator(".community-table tbody tr");
        await Assertions.Expect(row).ToHaveCountAsync(1);
        await Assertions.Expect(row).ToContainTextAsync("(live)");
        await Assertions.Expect(row.Locator("td").Nth(1)).ToHaveTextAsync(Duration);
        await row.GetByRole(AriaRole.Link).ClickAsync();
        await AssertChartAsync(creator, 2, "Viewers", points: 1, top: "1");
        await Assertions.Expect(creator).ToHaveURLAsync(new Regex("/dashboard/analytics\\?days=30&broadcast=[0-9a-f-]{36}$"));
    }

    private static readonly Regex Duration = new(@"^(\d{1,2} s|\d{1,2} min|\d+ h \d\d min)$");

    /// <summary>
    /// The chart's labels, grid and line take their colours from the theme: they differ between the light and
    /// the dark scheme, and the labels contrast with the page behind them in both.
    /// </summary>
    private static async Task AssertChartReadsInBothThemesAsync(IPage page)
    {
        const string Colours = """
            () => {
                const svg = document.querySelector('.community-chart svg');
                const label = getComputedStyle(svg.querySelector('text.chart-label')).fill;
                const grid = getComputedStyle(svg.querySelector('line.chart-grid')).stroke;
                const line = getComputedStyle(svg.querySelector('polyline.chart-line')).stroke;
                const luminance = (colour) => {
                    const [r, g, b] = colour.match(/[\d.]+/g).slice(0, 3).map((v) => {
                        const c = Number(v) / 255;
                        return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
                    });
                    return 0.2126 * r + 0.7152 * g + 0.0722 * b;
                };
                let element = svg;
                let background = 'rgba(0, 0, 0, 0)';
                while (element && /rgba\(.*, 0\)$|transparent/.test(background)) {
                    background = getComputedStyle(element).backgroundColor;
                    element = element.parentElement;
                }
                const [a, b] = [luminance(label), luminance(background)].sort((x, y) => y - x);
                return { label, grid, line, contrast: (a + 0.05) / (b + 0.05) };
            }
            """;
        await page.EmulateMediaAsync(new() { ColorScheme = ColorScheme.Light });
        var light = await page.EvaluateAsync<ChartColours>(Colours);
        await page.EmulateMediaAsync(new() { ColorScheme = ColorScheme.Dark });
        var dark = await page.EvaluateAsync<ChartColours>(Colours);
        await page.EmulateMediaAsync(new() { ColorScheme = ColorScheme.Light });

        Assert.NotEqual(light.Label, dark.Label);
        Assert.NotEqual(light.Grid, dark.Grid);
        Assert.NotEqual(light.Line, dark.Line);
        Assert.True(light.Contrast >= 4.5, $"chart labels contrast {light.Contrast:0.0}:1 in the light theme");
        Assert.True(dark.Contrast >= 4.5, $"chart labels contrast {dark.Contrast:0.0}:1 in the dark theme");
    }

    /// <summary>Computed colours of one chart (Playwright fills it from the page's object: settable properties).</summary>
    private sealed class ChartColours
    {
        public string Label { get; set; } = "";

        public string Grid { get; set; } = "";

        public string Line { get; set; } = "";

        public double Contrast { get; set; }
    }

    private static ILocator Figure(IPage page, string name) =>
        page.Locator($"xpath=//dl[contains(@class,'community-figures')]/dt[normalize-space()='{name}']/following-sibling::dd[1]");

    /// <summary>
    /// Chart <paramref name="index"/> of the page: the browser parsed it as SVG, laid it out, and drew one line
    /// with a point per value. Waits for the fully parsed page showing that chart (after a click, the URL alone
    /// does not say the new document is complete).
    /// </summary>
    private static async Task AssertChartAsync(IPage page, int index, string title, int points, string top)
    {
        await page.WaitForFunctionAsync(
            """
            ([index, title, points]) => {
                const svg = document.querySelectorAll('.community-chart svg')[index];
                return document.readyState !== 'loading' && svg?.querySelector('title')?.textContent === title
                    && svg.querySelector('polyline')?.points.numberOfItems === points;
            }
            """,
            new object[] { index, title, points });
        var chart = page.Locator(".community-chart svg").Nth(index);
        Assert.Equal("http://www.w3.org/2000/svg", await chart.EvaluateAsync<string>("svg => svg.namespaceURI"));
        var box = await chart.BoundingBoxAsync();
        Assert.NotNull(box);
        Assert.True(box.Width > 100 && box.Height > 30, $"chart laid out at {box.Width}x{box.Height}");
        Assert.Equal(top, await chart.Locator("text").Nth(2).TextContentAsync());
    }
}
