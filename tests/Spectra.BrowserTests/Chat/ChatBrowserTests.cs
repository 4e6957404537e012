using Microsoft.Playwright;
using Spectra.Testing;

namespace Spectra.BrowserTests.Chat;

/// <summary>Chat in real headless Chromium: two signed-in browsers on the same channel page.</summary>
public class ChatBrowserTests
{
    [Fact]
    public async Task ChannelPageChat_OneSendsModeratorDeletes_BothBrowsersSeeIt()
    {
        await using var host = await SpectraHost.StartAsync();
        using var admin = await host.CreateAdminAsync("siteadmin");
        using var owner = await host.SignUpAsync("alice");
        using var viewer = await host.SignUpAsync("bob");
        var (playwright, browser) = await Infrastructure.Chromium.LaunchAsync();
        using var disposePlaywright = playwright;
        await using var disposeBrowser = browser;
        await using var ownerContext = await NewContextAsync(browser, host, owner);
        await using var viewerContext = await NewContextAsync(browser, host, viewer);
        var errors = new List<string>();
        var ownerPage = await OpenChannelAsync(ownerContext, host, errors);
        var viewerPage = await OpenChannelAsync(viewerContext, host, errors);

        await viewerPage.FillAsync("[data-role=input]", "hello from <b>bob</b>");
        await viewerPage.PressAsync("[data-role=input]", "Enter");

        var ownerMessage = ownerPage.Locator(".chat-message", new() { HasText = "hello from <b>bob</b>" });
        var viewerMessage = viewerPage.Locator(".chat-message", new() { HasText = "hello from <b>bob</b>" });
        await Assertions.Expect(ownerMessage).ToBeVisibleAsync(new() { Timeout = 15_000 });
        await Assertions.Expect(viewerMessage).ToBeVisibleAsync(new() { Timeout = 15_000 });
        Assert.Equal(0, await ownerMessage.Locator("b").CountAsync());
        Assert.Equal("bob", await ownerMessage.Locator(".chat-sender").TextContentAsync());

        await ownerMessage.HoverAsync();
        await ownerMessage.Locator("[data-action=delete]").ClickAsync();

        await Assertions.Expect(ownerMessage).ToHaveCountAsync(0, new() { Timeout = 15_000 });
        await Assertions.Expect(viewerMessage).ToHaveCountAsync(0, new() { Timeout = 15_000 });
        Assert.Empty(errors);
    }

    private static async Task<IBrowserContext> NewContextAsync(IBrowser browser, SpectraHost host, TestClient user)
    {
        var context = await browser.NewContextAsync();
        var cookies = user.Cookies.GetCookies(host.BaseAddress)
            .Select(c => new Cookie { Name = c.Name, Value = c.Value, Url = host.BaseAddress.ToString() })
            .ToList();
        await context.AddCookiesAsync(cookies);
        return context;
    }

    private static async Task<IPage> OpenChannelAsync(IBrowserContext context, SpectraHost host, List<string> errors)
    {
        var page = await context.NewPageAsync();
        page.PageError += (_, error) => errors.Add(error);
        await page.GotoAsync(new Uri(host.BaseAddress, "/alice").ToString());
        await Assertions.Expect(page.Locator("[data-spectra-chat]")).ToHaveAttributeAsync("data-state", "joined", new() { Timeout = 20_000 });
        return page;
    }
}
