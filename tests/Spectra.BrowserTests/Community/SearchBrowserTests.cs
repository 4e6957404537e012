using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace Spectra.BrowserTests.Community;

/// <summary>The header search box: suggestions while typing (prefix and typo), keyboard and mouse picks, the results page.</summary>
[Collection(CommunityBrowserCollection.Name)]
public sealed class SearchBrowserTests
{
    [Fact]
    public async Task SearchBox_PrefixAndTypo_SuggestsChannelsAndOpensThem()
    {
        await using var browser = await CommunityBrowser.StartAsync();
        await browser.SignUpAsync("marzipan");
        await browser.SignUpAsync("marzipan_tv");
        await browser.SignUpAsync("quokka");
        await browser.CatchUpSearchAsync();
        await browser.GoLiveAsync("marzipan_tv");
        var page = await browser.AnonymousPageAsync();

        // Any page has the box: start on the directory rather than home.
        await page.GotoAsync("/directory");
        var box = page.GetByRole(AriaRole.Combobox, new() { Name = "Search channels" });
        var suggestions = page.GetByRole(AriaRole.Listbox, new() { Name = "Channel suggestions" });

        await box.PressSequentiallyAsync("marz");
        await Assertions.Expect(suggestions).ToHaveAttributeAsync("data-query", "marz");
        await Assertions.Expect(suggestions.Locator("[data-channel=marzipan]")).ToBeVisibleAsync();
        await Assertions.Expect(suggestions.Locator("[data-channel=marzipan_tv][data-live=true]")).ToContainTextAsync("LIVE");
        await Assertions.Expect(suggestions.Locator("[data-channel=marzipan]")).Not.ToHaveAttributeAsync("data-live", "true");
        await Assertions.Expect(suggestions.Locator("[data-channel=quokka]")).ToHaveCountAsync(0);

        // A transposition ("marzpian") still finds the channel; the browser must not filter it away.
        await box.FillAsync(string.Empty);
        await Assertions.Expect(suggestions).ToBeHiddenAsync();
        await box.PressSequentiallyAsync("marzpian");
        await Assertions.Expect(suggestions).ToHaveAttributeAsync("data-query", "marzpian");
        var option = suggestions.Locator("[data-channel=marzipan]");
        await Assertions.Expect(option).ToBeVisibleAsync();

        var names = await suggestions.GetByRole(AriaRole.Option).EvaluateAllAsync<string[]>("items => items.map(i => i.dataset.channel)");
        var index = Array.IndexOf(names, "marzipan");
        for (var i = 0; i <= index; i++)
        {
            await box.PressAsync("ArrowDown");
        }

        await Assertions.Expect(option).ToHaveAttributeAsync("aria-selected", "true");
        await Assertions.Expect(box).ToHaveAttributeAsync("aria-activedescendant", (await option.GetAttributeAsync("id"))!);
        await box.PressAsync("Enter");
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("/marzipan$"));

        // On the channel page (the box is a combobox once its script ran): a click on a suggestion opens that channel.
        box = page.GetByRole(AriaRole.Combobox, new() { Name = "Search channels" });
        await box.PressSequentiallyAsync("marzi");
        await Assertions.Expect(suggestions).ToHaveAttributeAsync("data-query", "marzi");
        await suggestions.Locator("[data-channel=marzipan_tv]").ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("/marzipan_tv$"));
    }

    [Fact]
    public async Task SearchBox_SubmitExactName_ResultsPageRanksItFirst()
    {
        await using var browser = await CommunityBrowser.StartAsync();
        await browser.SignUpAsync("marzipan");
        await browser.SignUpAsync("marzipan_tv");
        await browser.SignUpAsync("marzipanfan");
        await browser.CatchUpSearchAsync();

        // Live channels get a ranking boost; an exact name must still come first.
        await browser.GoLiveAsync("marzipan_tv");
        await browser.GoLiveAsync("marzipanfan");
        var page = await browser.AnonymousPageAsync();
        await page.GotoAsync("/schedule");

        var box = page.GetByRole(AriaRole.Combobox, new() { Name = "Search channels" });
        await box.PressSequentiallyAsync("marzipan");
        await Assertions.Expect(page.GetByRole(AriaRole.Listbox).Locator("[data-channel=marzipan]")).ToBeVisibleAsync();
        await box.PressAsync("Enter");

        await Assertions.Expect(page).ToHaveURLAsync(new Regex("/search\\?q=marzipan$"));
        var results = page.Locator("ol.community-results > li");
        await Assertions.Expect(results).ToHaveCountAsync(3);
        await Assertions.Expect(results.First.Locator("strong")).ToHaveTextAsync("marzipan");
        await Assertions.Expect(results.Filter(new() { HasText = "marzipan_tv" }).Locator(".live-badge")).ToBeVisibleAsync();
    }
}
