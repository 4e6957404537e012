using Microsoft.Playwright;
using Spectra.BrowserTests.Infrastructure;
using Spectra.Testing;

namespace Spectra.BrowserTests.Accounts;

public sealed class StreamKeyBrowserTests
{
    [Fact]
    public async Task SignUp_LandsHome_DashboardRevealsAndRotatesStreamKey()
    {
        await using var host = await SpectraHost.StartAsync();
        var (playwright, browser) = await Chromium.LaunchAsync();
        try
        {
            var page = await browser.NewPageAsync(new BrowserNewPageOptions { BaseURL = host.BaseAddress.ToString() });
            page.SetDefaultTimeout(20_000);

            await page.GotoAsync("/signup");
            await page.GetByLabel("User name").FillAsync("browser_user");
            await page.GetByLabel("Password").FillAsync("a long browser password");
            await page.GetByRole(AriaRole.Button, new() { Name = "Sign up" }).ClickAsync();
            // A new account lands on the home page; the stream key is on the dashboard.
            await Assertions.Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/$"));
            await page.GotoAsync("/dashboard");

            var keyInput = page.Locator("#stream-key");
            Assert.Equal("false", await keyInput.GetAttributeAsync("data-revealed"));
            Assert.Equal("password", await keyInput.GetAttributeAsync("type"));

            await page.GetByRole(AriaRole.Button, new() { Name = "Reveal" }).ClickAsync();
            await page.Locator("#stream-key[data-revealed=true]").WaitForAsync();
            var first = await page.Locator("#stream-key").InputValueAsync();
            Assert.Matches("^live_[0-9A-Za-z]{32}$", first);
            Assert.EndsWith("/live/" + first, await page.Locator("#ingest-url").InputValueAsync(), StringComparison.Ordinal);

            await page.GetByRole(AriaRole.Button, new() { Name = "Reset stream key" }).ClickAsync();
            await page.GetByText("Your stream key was reset.").WaitForAsync();
            var second = await page.Locator("#stream-key").InputValueAsync();

            Assert.Matches("^live_[0-9A-Za-z]{32}$", second);
            Assert.NotEqual(first, second);
        }
        finally
        {
            await browser.CloseAsync();
            playwright.Dispose();
        }
    }
}
