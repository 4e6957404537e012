using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace Spectra.BrowserTests.Community;

/// <summary>Following from the channel page, then the live notification pushed over the WebSocket to the open page.</summary>
[Collection(CommunityBrowserCollection.Name)]
public sealed class FollowNotificationBrowserTests
{
    [Fact]
    public async Task FollowButton_ThenChannelGoesLive_BadgeAndToastArriveWithoutReload()
    {
        await using var browser = await CommunityBrowser.StartAsync();
        await browser.SignUpAsync("bobcast");
        var page = await browser.SignedInPageAsync("alice");

        // The page's notification socket is open once the server's hello arrived (it registers the socket first).
        await CommunityBrowser.GotoWithNotificationSocketAsync(page, "/bobcast");
        await page.EvaluateAsync("() => { window.spectraSamePage = true; }");

        var followers = page.Locator(".community-followers");
        var unread = page.Locator(".community-bell [data-unread]");
        await Assertions.Expect(followers).ToHaveTextAsync("0 followers");
        await Assertions.Expect(unread).ToHaveTextAsync(string.Empty);

        await page.GetByRole(AriaRole.Button, new() { Name = "Follow", Exact = true }).ClickAsync();

        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Unfollow" })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Turn notifications off" })).ToBeVisibleAsync();
        await Assertions.Expect(followers).ToHaveTextAsync("1 follower");
        Assert.True(await page.EvaluateAsync<bool>("() => window.spectraSamePage === true"), "following reloaded the page");

        await browser.GoLiveAsync("bobcast");

        await Assertions.Expect(unread).ToHaveTextAsync("1");
        await Assertions.Expect(page.Locator(".community-toast", new() { HasText = "bobcast" })).ToBeVisibleAsync();
        Assert.True(await page.EvaluateAsync<bool>("() => window.spectraSamePage === true"), "the notification needed a reload");

        // Opening the list shows the notification (highlighted as new) and marks it read.
        await page.Locator(".community-bell").ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("/notifications$"));
        var item = page.Locator(".community-notifications li", new() { HasText = "bobcast" });
        await Assertions.Expect(item).ToHaveCountAsync(1);
        await Assertions.Expect(item).ToHaveClassAsync("community-unread-item");
        await Assertions.Expect(unread).ToHaveTextAsync(string.Empty);

        await page.ReloadAsync();
        await Assertions.Expect(page.GetByText("0 unread")).ToBeVisibleAsync();
        await Assertions.Expect(item).Not.ToHaveClassAsync("community-unread-item");
        var count = await page.Context.APIRequest.GetAsync("/api/v1/me/notifications/unread-count");
        Assert.Equal(200, count.Status);
        Assert.Equal(0, (await count.JsonAsync())!.Value.GetProperty("unread").GetInt32());
    }

    [Fact]
    public async Task FollowButton_Unfollow_ButtonAndCountRevertWithoutReload()
    {
        await using var browser = await CommunityBrowser.StartAsync();
        await browser.SignUpAsync("bobcast");
        var page = await browser.SignedInPageAsync("alice");
        await page.GotoAsync("/bobcast");
        await page.EvaluateAsync("() => { window.spectraSamePage = true; }");

        await page.GetByRole(AriaRole.Button, new() { Name = "Follow", Exact = true }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Turn notifications off" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Turn notifications on" })).ToBeVisibleAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Unfollow" }).ClickAsync();

        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Follow", Exact = true })).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator(".community-followers")).ToHaveTextAsync("0 followers");
        Assert.True(await page.EvaluateAsync<bool>("() => window.spectraSamePage === true"), "the buttons reloaded the page");

        // The server agrees: a fresh load shows the same state.
        await page.ReloadAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Follow", Exact = true })).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator(".community-followers")).ToHaveTextAsync("0 followers");
    }

    [Fact]
    public async Task NotificationsOffButton_ChannelGoesLive_NoNotificationForIt()
    {
        await using var browser = await CommunityBrowser.StartAsync();
        await browser.SignUpAsync("bobcast");
        await browser.SignUpAsync("zoecast");
        var page = await browser.SignedInPageAsync("alice");
        await CommunityBrowser.FollowFromChannelPageAsync(page, "zoecast");
        await CommunityBrowser.FollowFromChannelPageAsync(page, "bobcast");
        await page.GetByRole(AriaRole.Button, new() { Name = "Turn notifications off" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Turn notifications on" })).ToBeVisibleAsync();
        await CommunityBrowser.GotoWithNotificationSocketAsync(page, "/bobcast");
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Turn notifications on" })).ToBeVisibleAsync();

        // Same socket, in order: once zoecast's notification is shown, bobcast's would have been too.
        await browser.GoLiveAsync("bobcast");
        await browser.GoLiveAsync("zoecast");
        await Assertions.Expect(page.Locator(".community-toast", new() { HasText = "zoecast" })).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator(".community-bell [data-unread]")).ToHaveTextAsync("1");
        await Assertions.Expect(page.Locator(".community-toast", new() { HasText = "bobcast" })).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task SignInToFollow_SignInThenFollow_ChannelListedInFollowingAndFollowers()
    {
        await using var browser = await CommunityBrowser.StartAsync();
        await browser.SignUpAsync("bobcast");
        await browser.SignUpAsync("alice");
        var page = await browser.AnonymousPageAsync();

        await page.GotoAsync("/bobcast");
        await page.GetByRole(AriaRole.Link, new() { Name = "Sign in to follow" }).ClickAsync();
        await page.GetByLabel("User name").FillAsync("alice");
        await page.GetByLabel("Password").FillAsync("correct horse battery");
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();

        await Assertions.Expect(page).ToHaveURLAsync(new Regex("/bobcast$"));
        await page.GetByRole(AriaRole.Button, new() { Name = "Follow", Exact = true }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Unfollow" })).ToBeVisibleAsync();

        await page.GetByRole(AriaRole.Navigation, new() { Name = "Main" }).GetByRole(AriaRole.Link, new() { Name = "Following" }).ClickAsync();
        await Assertions.Expect(page.Locator("main li")).ToHaveCountAsync(1);
        await Assertions.Expect(page.Locator("main li")).ToContainTextAsync("bobcast");

        await page.GotoAsync("/bobcast/followers");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "bobcast — 1 follower" })).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("main li")).ToContainTextAsync("alice");
    }

    [Fact]
    public async Task FollowButton_SignedOutMeanwhile_OpensSignInPage()
    {
        await using var browser = await CommunityBrowser.StartAsync();

        await browser.SignUpAsync("bobcast");
        var page = await browser.SignedInPageAsync("alice");
        await page.GotoAsync("/bobcast");
        await page.Context.ClearCookiesAsync();

        await page.GetByRole(AriaRole.Button, new() { Name = "Follow", Exact = true }).ClickAsync();

        await Assertions.Expect(page).ToHaveURLAsync(new Regex("/signin\\?"));
        await Assertions.Expect(page.GetByLabel("User name")).ToBeVisibleAsync();
    }
}
