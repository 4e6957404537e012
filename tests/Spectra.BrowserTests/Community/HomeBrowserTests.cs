using Microsoft.Playwright;
using Spectra.Server.Community.Recommendations;

namespace Spectra.BrowserTests.Community;

/// <summary>The community sections of the home page: followed channels that are live, recommendations with their reason.</summary>
[Collection(CommunityBrowserCollection.Name)]
public sealed class HomeBrowserTests
{
    [Fact]
    public async Task HomePage_SignedInFollower_ShowsFollowedLiveAndExplainedRecommendations()
    {
        await using var browser = await CommunityBrowser.StartAsync();
        foreach (var channel in new[] { "chessclub", "chesstalk", "cookingtv" })
        {
            await browser.SignUpAsync(channel);
        }

        // Others who follow chessclub also follow chesstalk: the collaborative signal.
        foreach (var fan in new[] { "fan_one", "fan_two", "fan_three" })
        {
            var client = await browser.SignUpAsync(fan);
            foreach (var channel in new[] { "chessclub", "chesstalk" })
            {
                using var response = await client.SendJsonAsync(HttpMethod.Put, $"/api/v1/channels/{channel}/follow", new { });
                Assert.True(response.IsSuccessStatusCode, $"{fan} follows {channel}: {(int)response.StatusCode}");
            }
        }

        var page = await browser.SignedInPageAsync("newcomer");
        await CommunityBrowser.FollowFromChannelPageAsync(page, "chessclub");
        await browser.Host.GetRequiredService<RecommendationModelHost>().RebuildAsync(CancellationToken.None);
        await browser.GoLiveAsync("chessclub");

        await page.GotoAsync("/");
        var followedLive = page.Locator("#followed-live .community-card");
        await Assertions.Expect(followedLive).ToHaveCountAsync(1);
        await Assertions.Expect(followedLive).ToContainTextAsync("chessclub");
        await Assertions.Expect(followedLive.Locator(".live-badge")).ToContainTextAsync("LIVE");

        var recommended = page.Locator("#recommended .community-card");
        var chesstalk = recommended.Filter(new() { Has = page.GetByRole(AriaRole.Link, new() { Name = "chesstalk", Exact = true }) });
        await Assertions.Expect(chesstalk.Locator(".community-why")).ToHaveTextAsync("Because you follow chessclub");
        await Assertions.Expect(recommended.First).ToContainTextAsync("chesstalk");

        // Followed channels and the user's own channel are never recommended.
        await Assertions.Expect(recommended.GetByRole(AriaRole.Link, new() { Name = "chessclub", Exact = true })).ToHaveCountAsync(0);
        await Assertions.Expect(recommended.GetByRole(AriaRole.Link, new() { Name = "newcomer", Exact = true })).ToHaveCountAsync(0);
    }
}
