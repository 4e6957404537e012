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

        var charts = creator.Locator(".community-chart svg");
        await Assertions.Expect(charts).ToHaveCountAsync(2);
        await AssertChartAsync(creator, 0, "Peak viewers per day", points: 7, top: "1");
        await AssertChartAsync(creator, 1, "Followers", points: 7, top: "1");

        await creator.GetByRole(AriaRole.Link, new() { Name = "30 days" }).ClickAsync();
        await AssertChartAsync(creator, 0, "Peak viewers per day", points: 30, top: "1");

        // One broadcast row, live; its link adds the broadcast's own viewer chart.
        var row = creator.Locator(".community-table tbody tr");
        await Assertions.Expect(row).ToHaveCountAsync(1);
        await Assertions.Expect(row).ToContainTextAsync("(live)");
        await row.GetByRole(AriaRole.Link).ClickAsync();
        await AssertChartAsync(creator, 2, "Viewers", points: 1, top: "1");
        await Assertions.Expect(creator).ToHaveURLAsync(new Regex("/dashboard/analytics\\?days=30&broadcast=[0-9a-f-]{36}$"));
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
