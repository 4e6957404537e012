using Microsoft.Playwright;
using Spectra.BrowserTests.Community;

namespace Spectra.BrowserTests.Channels;

/// <summary>The creator studio: one navigation on every dashboard page, and the stream health page with preview and chat.</summary>
[Collection(CommunityBrowserCollection.Name)]
public sealed class StudioBrowserTests
{
    private static readonly (string Path, string Entry)[] Pages =
    [
        ("/dashboard", "Stream & key"),
        ("/dashboard/stream", "Stream health"),
        ("/dashboard/chat", "Chat settings"),
        ("/dashboard/chat-moderation", "Chat moderation"),
        ("/dashboard/analytics", "Analytics"),
        ("/dashboard/community", "Schedule, posts & webhooks"),
        ("/dashboard/restream", "Restreaming"),
        ("/dashboard/videos", "Videos & recording"),
    ];

    [Fact]
    public async Task StudioNavigation_EveryDashboardPage_MarksItsEntryAndFitsAPhone()
    {
        await using var browser = await CommunityBrowser.StartAsync();
        var creator = await browser.SignedInPageAsync("carol");
        await creator.SetViewportSizeAsync(390, 844);
        var nav = creator.GetByRole(AriaRole.Navigation, new() { Name = "Creator studio" });

        foreach (var (path, entry) in Pages)
        {
            await creator.GotoAsync(path);
            await Assertions.Expect(nav.Locator("a[aria-current=page]")).ToHaveTextAsync(entry);
            await Assertions.Expect(nav.GetByRole(AriaRole.Link)).ToHaveCountAsync(Pages.Length + 1);
            await Assertions.Expect(nav.GetByRole(AriaRole.Link, new() { Name = "Your channel" })).ToHaveAttributeAsync("href", "/carol");

            // Later areas are named, not linked.
            await Assertions.Expect(nav.GetByText("Videos")).ToBeVisibleAsync();
            await Assertions.Expect(nav.GetByRole(AriaRole.Link, new() { Name = "Income" })).ToHaveCountAsync(0);

            var overflow = await creator.EvaluateAsync<int>("() => document.scrollingElement.scrollWidth - document.scrollingElement.clientWidth");
            Assert.True(overflow <= 0, $"{path} is {overflow} px wider than a 390 px phone");
        }

        await creator.GotoAsync("/dashboard");
        await creator.GetByRole(AriaRole.Region, new() { Name = "Your channel" }).GetByRole(AriaRole.Link, new() { Name = "Analytics" }).ClickAsync();
        await Assertions.Expect(creator).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/dashboard/analytics$"));
    }

    [Fact]
    public async Task StreamHealthPage_Offline_ShowsPreviewHealthAndConnectedChat()
    {
        await using var browser = await CommunityBrowser.StartAsync();
        var creator = await browser.SignedInPageAsync("carol");

        await creator.GotoAsync("/dashboard/stream");
        await Assertions.Expect(creator.GetByRole(AriaRole.Region, new() { Name = "Preview" }).Locator("#player[data-channel=carol]")).ToBeVisibleAsync();
        await Assertions.Expect(creator.Locator("#stream-health [data-health-state]")).ToContainTextAsync("Offline");
        var chat = creator.Locator("[data-spectra-chat][data-channel=carol]");
        await Assertions.Expect(chat).ToBeVisibleAsync();
        await Assertions.Expect(chat).ToHaveAttributeAsync("data-state", "joined", new() { Timeout = CommunityBrowser.WaitMilliseconds });

        // Preview and chat side by side on a wide screen.
        var player = await creator.Locator("#player").BoundingBoxAsync();
        var chatBox = await chat.BoundingBoxAsync();
        Assert.True(player!.X + player.Width <= chatBox!.X, "the chat sits to the right of the preview");
    }
}
