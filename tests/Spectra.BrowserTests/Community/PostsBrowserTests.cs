using Microsoft.Playwright;

namespace Spectra.BrowserTests.Community;

/// <summary>Community posts: published from the dashboard, shown to followers in /feed and on the channel page, markup made safe.</summary>
[Collection(CommunityBrowserCollection.Name)]
public sealed class PostsBrowserTests
{
    private const string Markdown =
        "**Big** news <script>window.pwned = 1</script> <img src=x onerror=\"window.pwned = 2\">\n\n" +
        "[click me](javascript:window.pwned=3) or see https://example.com/schedule";

    [Fact]
    public async Task DashboardPostForm_Publish_FollowerSeesSafePostInFeedAndOnChannel()
    {
        await using var browser = await CommunityBrowser.StartAsync();
        var creator = await browser.SignedInPageAsync("carol");
        var follower = await browser.SignedInPageAsync("dave");
        await CommunityBrowser.FollowFromChannelPageAsync(follower, "carol");

        await creator.GotoAsync("/dashboard/community");
        await creator.GetByLabel("Post text").FillAsync(Markdown);
        await creator.GetByRole(AriaRole.Button, new() { Name = "Publish" }).ClickAsync();
        await Assertions.Expect(creator.Locator(".community-post strong", new() { HasText = "Big" })).ToBeVisibleAsync();

        await follower.GetByRole(AriaRole.Button, new() { Name = "dave" }).ClickAsync();
        await follower.GetByRole(AriaRole.Link, new() { Name = "Feed" }).ClickAsync();
        var post = follower.Locator("article.community-post", new() { Has = follower.GetByRole(AriaRole.Link, new() { Name = "carol" }) });
        await Assertions.Expect(post).ToHaveCountAsync(1);
        await AssertSafePostAsync(follower, post);

        await follower.GotoAsync("/carol");
        await AssertSafePostAsync(follower, follower.Locator(".community-posts article.community-post"));
    }

    private static async Task AssertSafePostAsync(IPage page, ILocator post)
    {
        await Assertions.Expect(post.Locator("strong", new() { HasTextString = "Big" })).ToHaveCountAsync(1);
        await Assertions.Expect(post).ToContainTextAsync("<script>window.pwned = 1</script>");
        await Assertions.Expect(post.Locator("script, img")).ToHaveCountAsync(0);

        var bare = post.GetByRole(AriaRole.Link, new() { Name = "https://example.com/schedule" });
        await Assertions.Expect(bare).ToHaveAttributeAsync("href", "https://example.com/schedule");
        await Assertions.Expect(bare).ToHaveAttributeAsync("rel", "nofollow ugc noopener");

        // A javascript: link keeps its text and loses its target.
        await Assertions.Expect(post).ToContainTextAsync("click me");
        await Assertions.Expect(post.GetByRole(AriaRole.Link, new() { Name = "click me" })).ToHaveCountAsync(0);
        await Assertions.Expect(post.Locator("a[href^='javascript:' i]")).ToHaveCountAsync(0);
        Assert.True(await page.EvaluateAsync<bool>("() => window.pwned === undefined"), "post markup ran script");
    }
}
