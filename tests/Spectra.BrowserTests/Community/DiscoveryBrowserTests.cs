using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace Spectra.BrowserTests.Community;

/// <summary>What a creator writes in the dashboard's stream info makes the channel discoverable: directory tags and search.</summary>
[Collection(CommunityBrowserCollection.Name)]
public sealed class DiscoveryBrowserTests
{
    [Fact]
    public async Task DashboardStreamInfo_TitleAndTags_DirectoryTagFilterAndSearchFindChannel()
    {
        await using var browser = await CommunityBrowser.StartAsync();
        await browser.SignUpAsync("plainjane");
        var creator = await browser.SignedInPageAsync("speedy");

        await creator.GotoAsync("/dashboard");
        var info = creator.GetByRole(AriaRole.Region, new() { Name = "Stream info" });
        await info.GetByLabel("Title").FillAsync("Any% glitchless marathon");
        await info.GetByLabel("Tags").FillAsync("speedrun, retro");
        await info.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();
        await Assertions.Expect(info.GetByLabel("Title")).ToHaveValueAsync("Any% glitchless marathon");
        await browser.CatchUpSearchAsync();

        var page = await browser.AnonymousPageAsync();
        await page.GotoAsync("/directory");
        var cards = page.Locator(".community-card");
        await Assertions.Expect(cards.Filter(new() { HasText = "plainjane" })).ToHaveCountAsync(1);
        await page.Locator("main > .community-tags").GetByRole(AriaRole.Link, new() { Name = "#speedrun" }).ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("tag=speedrun"));
        await Assertions.Expect(cards).ToHaveCountAsync(1);
        await Assertions.Expect(cards.First).ToContainTextAsync("speedy");
        await Assertions.Expect(cards.First).ToContainTextAsync("Any% glitchless marathon");

        var box = page.GetByRole(AriaRole.Combobox, new() { Name = "Search channels" });
        var suggestions = page.GetByRole(AriaRole.Listbox, new() { Name = "Channel suggestions" });
        await box.PressSequentiallyAsync("glitchless");
        await Assertions.Expect(suggestions).ToHaveAttributeAsync("data-query", "glitchless");
        await Assertions.Expect(suggestions.GetByRole(AriaRole.Option)).ToHaveCountAsync(1);
        await Assertions.Expect(suggestions.Locator("[data-channel=speedy]")).ToContainTextAsync("Any% glitchless marathon");
    }

    [Fact]
    public async Task CategoryPage_LiveChannelWithTag_ListedFilteredAndLinkedToDirectory()
    {
        await using var browser = await CommunityBrowser.StartAsync();
        var creator = await browser.SignedInPageAsync("speedy");
        await creator.GotoAsync("/dashboard");
        var info = creator.GetByRole(AriaRole.Region, new() { Name = "Stream info" });
        var category = info.GetByLabel("Category");
        var slug = await category.Locator("option").Nth(1).GetAttributeAsync("value");
        var name = (await category.Locator("option").Nth(1).TextContentAsync())!.Trim();
        await category.SelectOptionAsync(slug!);
        await info.GetByLabel("Title").FillAsync("Relaxed run");
        await info.GetByLabel("Tags").FillAsync("chill");
        await info.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();
        await Assertions.Expect(info.GetByLabel("Category")).ToHaveValueAsync(slug!);
        await browser.GoLiveAsync("speedy");

        var page = await browser.AnonymousPageAsync();
        await page.GotoAsync("/category/" + slug);
        var card = page.Locator(".community-card", new() { HasText = "speedy" });
        await Assertions.Expect(card.Locator(".live-badge")).ToContainTextAsync("LIVE");

        await page.Locator("main .community-tags").First.GetByRole(AriaRole.Link, new() { Name = "#chill" }).ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("tag=chill$"));
        await Assertions.Expect(card).ToHaveCountAsync(1);

        await page.GetByRole(AriaRole.Link, new() { Name = $"All {name} channels, offline too" }).ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new Regex($"/directory\\?category={Regex.Escape(slug!)}&tag=chill$"));
        await Assertions.Expect(page.Locator(".community-card")).ToHaveCountAsync(1);
        await Assertions.Expect(page.Locator(".community-card")).ToContainTextAsync("Relaxed run");
    }
}
