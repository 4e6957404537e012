using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Spectra.Data;
using Spectra.Server.Events;
using Spectra.Testing;
using Spectra.Testing.Chat;
using Spectra.Testing.Community;
using static Microsoft.Playwright.Assertions;

namespace Spectra.BrowserTests.Live;

/// <summary>The home page's "Live now" in headless Chromium: most viewers first, counts updating in place.</summary>
public sealed class HomeLiveNowBrowserTests
{
    private static readonly TimeSpan EventWait = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task LiveNow_ViewersArrive_CountUpdatesWithoutReloadAndOrderFollowsViewers()
    {
        await using var host = await SpectraHost.StartAsync(settings: new Dictionary<string, string?>
        {
            ["Chat:PresenceIntervalMilliseconds"] = "250",
            ["Live:ViewersEventInterval"] = "00:00:01",
        });
        using var busyOwner = await host.SignUpAsync("busy");
        using var calmOwner = await host.SignUpAsync("calm");
        await host.GoLiveAsync("busy", EventWait);
        await host.GoLiveAsync("calm", EventWait);
        var (playwright, browser) = await Infrastructure.Chromium.LaunchAsync();
        var viewers = new List<ChatHubClient>();
        try
        {
            var page = await browser.NewPageAsync();
            var scriptErrors = new List<string>();
            page.PageError += (_, error) => scriptErrors.Add(error);
            await page.GotoAsync(new Uri(host.BaseAddress, "/").ToString());
            var cards = page.Locator("#live-now .live-card");

            // Nobody watches yet: the channel that went live last comes first.
            await Expect(cards).ToHaveCountAsync(2);
            Assert.Equal(["calm", "busy"], await DataChannelsAsync(cards));
            await Expect(page.Locator("#live-now .live-card[data-channel='busy'] .live-viewers")).ToHaveTextAsync("0 viewers");

            // Two viewers open "busy": its card's count changes in place (server-sent "viewers" event).
            for (var i = 0; i < 2; i++)
            {
                var viewer = await ChatHubClient.ConnectAsync(new Uri(host.BaseAddress, "/hubs/chat"));
                viewers.Add(viewer);
                await viewer.InvokeAsync("JoinChannel", "busy", null);
            }

            await page.Locator("body").EvaluateAsync("b => b.dataset.loadMarker = 'first-load'");
            await Expect(page.Locator("#live-now .live-card[data-channel='busy'] .live-viewers")).ToHaveTextAsync("2 viewers", new() { Timeout = 20_000 });
            Assert.Equal("first-load", await page.Locator("body").GetAttributeAsync("data-load-marker"));

            // A fresh visit lists the busier channel first.
            await page.ReloadAsync();
            await Expect(cards).ToHaveCountAsync(2);
            Assert.Equal(["busy", "calm"], await DataChannelsAsync(cards));
            Assert.Empty(scriptErrors);
        }
        finally
        {
            foreach (var viewer in viewers)
            {
                await viewer.DisposeAsync();
            }

            await browser.CloseAsync();
            playwright.Dispose();
        }
    }

    private static async Task<List<string?>> DataChannelsAsync(ILocator cards)
    {
        var names = new List<string?>();
        for (var i = 0; i < await cards.CountAsync(); i++)
        {
            names.Add(await cards.Nth(i).GetAttributeAsync("data-channel"));
        }

        return names;
    }
}
