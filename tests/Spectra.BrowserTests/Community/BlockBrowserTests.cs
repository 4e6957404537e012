using Microsoft.Playwright;
using Spectra.Server.Community.Recommendations;

namespace Spectra.BrowserTests.Community;

/// <summary>Blocking a user from their channel page: follows severed, hidden from recommendations and chat, reversible.</summary>
[Collection(CommunityBrowserCollection.Name)]
public sealed class BlockBrowserTests
{
    [Fact]
    public async Task BlockButton_OnChannelPage_HidesUserAndSeversFollows()
    {
        await using var browser = await CommunityBrowser.StartAsync();
        var carol = await browser.SignedInPageAsync("carol");
        var troll = await browser.SignedInPageAsync("troll");
        var dan = await browser.SignedInPageAsync("dan");
        await browser.SignUpAsync("cleo");

        await CommunityBrowser.FollowFromChannelPageAsync(troll, "carol");
        await browser.Host.GetRequiredService<RecommendationModelHost>().RebuildAsync(CancellationToken.None);

        var recommended = carol.Locator("#recommended");
        await carol.GotoAsync("/");
        await Assertions.Expect(recommended.GetByRole(AriaRole.Link, new() { Name = "troll", Exact = true })).ToBeVisibleAsync();
        await carol.GotoAsync("/carol/followers");
        await Assertions.Expect(carol.Locator("main li", new() { HasText = "troll" })).ToHaveCountAsync(1);

        await carol.GotoAsync("/troll");
        await carol.GetByRole(AriaRole.Button, new() { Name = "Block", Exact = true }).ClickAsync();
        await Assertions.Expect(carol.GetByRole(AriaRole.Button, new() { Name = "Unblock" })).ToBeVisibleAsync();
        await Assertions.Expect(carol.GetByRole(AriaRole.Button, new() { Name = "Follow", Exact = true })).ToHaveCountAsync(0);
        await Assertions.Expect(carol.GetByRole(AriaRole.Button, new() { Name = "Block", Exact = true })).ToHaveCountAsync(0);

        // The follow is gone and troll is out of carol's recommendations (cleo still there: the section renders).
        await carol.GotoAsync("/carol/followers");
        await Assertions.Expect(carol.GetByRole(AriaRole.Heading, new() { Name = "carol — 0 followers" })).ToBeVisibleAsync();
        await carol.GotoAsync("/");
        await Assertions.Expect(recommended.GetByRole(AriaRole.Link, new() { Name = "cleo", Exact = true })).ToBeVisibleAsync();
        await Assertions.Expect(recommended.GetByRole(AriaRole.Link, new() { Name = "troll", Exact = true })).ToHaveCountAsync(0);

        // Troll cannot follow again: the refusal shows on the page, the button stays.
        await troll.ReloadAsync();
        await troll.GetByRole(AriaRole.Button, new() { Name = "Follow", Exact = true }).ClickAsync();
        await Assertions.Expect(troll.Locator(".community-toast")).ToHaveTextAsync("You cannot follow this channel.");
        await Assertions.Expect(troll.GetByRole(AriaRole.Button, new() { Name = "Follow", Exact = true })).ToBeVisibleAsync();

        // In chat on a third channel carol sees dan's message but not troll's, sent just before it.
        foreach (var page in new[] { carol, troll, dan })
        {
            await page.GotoAsync("/cleo");
            await Assertions.Expect(page.Locator("[data-spectra-chat]")).ToHaveAttributeAsync("data-state", "joined");
        }

        await troll.FillAsync("[data-role=input]", "troll was here");
        await troll.PressAsync("[data-role=input]", "Enter");
        await Assertions.Expect(dan.Locator(".chat-message", new() { HasText = "troll was here" })).ToBeVisibleAsync();
        await dan.FillAsync("[data-role=input]", "dan was here");
        await dan.PressAsync("[data-role=input]", "Enter");
        await Assertions.Expect(carol.Locator(".chat-message", new() { HasText = "dan was here" })).ToBeVisibleAsync();
        await Assertions.Expect(carol.Locator(".chat-message", new() { HasText = "troll was here" })).ToHaveCountAsync(0);

        // Unblocking restores the follow button.
        await carol.GotoAsync("/troll");
        await carol.GetByRole(AriaRole.Button, new() { Name = "Unblock" }).ClickAsync();
        await Assertions.Expect(carol.GetByRole(AriaRole.Button, new() { Name = "Follow", Exact = true })).ToBeVisibleAsync();
        await Assertions.Expect(carol.GetByRole(AriaRole.Button, new() { Name = "Block", Exact = true })).ToBeVisibleAsync();
    }
}
