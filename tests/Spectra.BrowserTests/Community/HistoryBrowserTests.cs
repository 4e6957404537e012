using Microsoft.Playwright;

namespace Spectra.BrowserTests.Community;

/// <summary>Watch history: the channel page's heartbeat records it, /history lists it, Remove deletes it.</summary>
[Collection(CommunityBrowserCollection.Name)]
public sealed class HistoryBrowserTests
{
    [Fact]
    public async Task HistoryPage_AfterWatchingChannel_ListsItAndRemoveDeletesIt()
    {
        await using var browser = await CommunityBrowser.StartAsync();
        await browser.SignUpAsync("carol");
        var viewer = await browser.SignedInPageAsync("dave");
        await browser.GoLiveAsync("carol");

        var heartbeat = await viewer.RunAndWaitForResponseAsync(
            () => viewer.GotoAsync("/carol"),
            r => r.Request.Method == "POST" && r.Url.EndsWith("/api/v1/channels/carol/watch", StringComparison.Ordinal));
        Assert.True(heartbeat.Ok, $"heartbeat answered {heartbeat.Status}");

        await viewer.GetByRole(AriaRole.Button, new() { Name = "dave" }).ClickAsync();
        await viewer.GetByRole(AriaRole.Link, new() { Name = "History" }).ClickAsync();
        var entry = viewer.Locator("main li", new() { HasText = "carol" });
        await Assertions.Expect(entry).ToHaveCountAsync(1);
        await Assertions.Expect(entry.Locator(".community-live")).ToHaveTextAsync("LIVE");

        await entry.GetByRole(AriaRole.Button, new() { Name = "Remove" }).ClickAsync();
        await Assertions.Expect(viewer.GetByText("Your watch history is empty.")).ToBeVisibleAsync();
        await viewer.ReloadAsync();
        await Assertions.Expect(viewer.GetByText("Your watch history is empty.")).ToBeVisibleAsync();
    }
}
