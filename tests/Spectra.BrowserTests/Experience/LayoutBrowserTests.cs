using Microsoft.Playwright;
using Spectra.BrowserTests.Infrastructure;

namespace Spectra.BrowserTests.Experience;

/// <summary>
/// The responsive layout at phone, tablet, desktop and full HD sizes: nothing scrolls sideways, the
/// player shows the whole picture as large as it fits, chat sits beside the player from 1024 px and below
/// it narrower, chat's tabs keep their contents inside the panel, and the phone header's menu works.
/// </summary>
[Collection(ExperienceCollection.Name)]
public sealed class LayoutBrowserTests(ExperienceSite site)
{
    /// <summary>Width from which chat sits beside the player (CSS pixels).</summary>
    private const int TwoColumnWidth = 1024;

    /// <summary>Tolerance of box comparisons: sub-pixel layout rounding (CSS pixels).</summary>
    private const double Slack = 1;

    public static TheoryData<string, string> PagesAtEverySize()
    {
        var cases = new TheoryData<string, string>();
        foreach (var page in SitePage.All)
        {
            foreach (var screen in Screen.All)
            {
                cases.Add(page.Name, screen.Name);
            }
        }

        return cases;
    }

    public static TheoryData<string> Screens() => [.. Screen.All.Select(s => s.Name)];

    // Not enumerated at discovery, so consecutive cases of one page reuse its tab (ExperienceSite.ShowAsync).
    [Theory]
    [MemberData(nameof(PagesAtEverySize), DisableDiscoveryEnumeration = true)]
    public async Task Page_Screen_NoHorizontalOverflow(string page, string screen)
    {
        var sitePage = SitePage.Named(page);
        var tab = await site.ShowAsync(sitePage, Screen.Named(screen), signedIn: sitePage.OpensFor(true), ColorScheme.Light);
        var (scrollWidth, clientWidth, culprits) = await PageGeometry.HorizontalOverflowAsync(tab);
        Assert.True(
            scrollWidth <= clientWidth,
            $"{page} at {Screen.Named(screen)} scrolls sideways: scrollWidth {scrollWidth} > clientWidth {clientWidth}. Widest elements: {string.Join("; ", culprits)}");
    }

    [Theory]
    [MemberData(nameof(Screens))]
    public async Task ChannelPage_Screen_VideoFillsFrameAndPictureIsLetterboxed(string screen)
    {
        var size = Screen.Named(screen);
        var tab = await site.ShowAsync(SitePage.ChannelLive, size, signedIn: false, ColorScheme.Light);
        await AssertPictureLetterboxedAsync(tab, $"at {size}");

        // Theatre mode (where offered) gives the player the window's height: a frame no longer 16:9, so the
        // picture must be letterboxed in it.
        var theatre = tab.Locator("#player .pc-theatre");
        if (await theatre.IsHiddenAsync())
        {
            return;
        }

        await tab.Locator(SiteSelectors.PlayerFrame).FocusAsync();
        await theatre.ClickAsync();
        try
        {
            await Assertions.Expect(theatre).ToHaveAttributeAsync("aria-pressed", "true");
            await tab.EvaluateAsync("() => new Promise(r => requestAnimationFrame(() => requestAnimationFrame(r)))");
            await AssertPictureLetterboxedAsync(tab, $"in theatre mode at {size}");
        }
        finally
        {
            await theatre.ClickAsync();
            await Assertions.Expect(theatre).ToHaveAttributeAsync("aria-pressed", "false");
        }
    }

    [Theory]
    [MemberData(nameof(Screens))]
    public async Task ChannelPage_Screen_PlayerControlsInsideFrame(string screen)
    {
        var size = Screen.Named(screen);
        var tab = await site.ShowAsync(SitePage.ChannelLive, size, signedIn: false, ColorScheme.Light);
        var frame = tab.Locator(SiteSelectors.PlayerFrame);

        // Focus shows the controls.
        await frame.FocusAsync();
        await Assertions.Expect(tab.Locator("#player .pc-play")).ToBeVisibleAsync();
        var outside = await PageGeometry.ElementsOutsideAsync(frame);
        Assert.True(outside.Count == 0, $"Player controls cut off at {size}:" + Environment.NewLine + string.Join(Environment.NewLine, outside));
    }

    [Theory]
    [MemberData(nameof(Screens))]
    public async Task ChannelPage_Screen_ChatBesidePlayerFromDesktopWidthBelowItNarrower(string screen)
    {
        var size = Screen.Named(screen);
        var tab = await site.ShowAsync(SitePage.ChannelLive, size, signedIn: false, ColorScheme.Light);
        var player = await PageGeometry.BoxAsync(tab.Locator(SiteSelectors.Player));
        var chat = await PageGeometry.BoxAsync(tab.Locator(SiteSelectors.ChannelChat));
        var where = $"at {size}: player {player}, chat {chat}";
        Assert.True(chat.Width > 0 && chat.Height > 0, "Chat is not shown " + where);
        if (size.Width >= TwoColumnWidth)
        {
            Assert.True(chat.Left >= player.Right - Slack, "Chat is not to the right of the player " + where);
            Assert.True(chat.Top < player.Top + (player.Height / 2) && chat.Bottom > player.Top, "Chat does not start level with the player " + where);
        }
        else
        {
            Assert.True(chat.Top >= player.Bottom - Slack, "Chat is not below the player " + where);
            Assert.True(chat.Left < player.Right && chat.Right > player.Left, "Chat is not under the player " + where);
        }
    }

    [Theory]
    [MemberData(nameof(Screens))]
    public async Task ChatPanel_QuestionsAndPollTabsOpen_ContentsStayInsidePanel(string screen)
    {
        var size = Screen.Named(screen);
        var tab = await site.ShowAsync(SitePage.ChannelLive, size, signedIn: true, ColorScheme.Light);
        var chat = tab.Locator(SiteSelectors.ChannelChat);
        var problems = new List<string>();
        foreach (var name in new[] { "Chat", "Questions", "Poll" })
        {
            var tabButton = chat.GetByRole(AriaRole.Tab, new() { Name = name });
            await Assertions.Expect(tabButton).ToBeVisibleAsync();
            await tabButton.ClickAsync();
            await Assertions.Expect(tabButton).ToHaveAttributeAsync("aria-selected", "true");
            problems.AddRange((await PageGeometry.ElementsOutsideAsync(chat)).Select(p => $"{name} tab: {p}"));
        }

        await chat.GetByRole(AriaRole.Tab, new() { Name = "Chat" }).ClickAsync();
        Assert.True(problems.Count == 0, $"Chat contents outside the panel at {size}:" + Environment.NewLine + string.Join(Environment.NewLine, problems));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Header_PhoneMenuButton_OpensMenuWithEveryLinkVisibleAndClickable(bool signedIn)
    {
        var context = await site.NewContextAsync(Screen.Phone, signedIn);
        try
        {
            var tab = await site.OpenAsync(context, SitePage.Home);
            var header = tab.Locator(SiteSelectors.SiteHeader);
            var button = tab.Locator(SiteSelectors.MenuButton);
            await Assertions.Expect(button).ToBeVisibleAsync();
            await Assertions.Expect(button).ToHaveAttributeAsync("aria-expanded", "false");
            await Assertions.Expect(header.GetByRole(AriaRole.Link, new() { Name = "Browse" })).Not.ToBeVisibleAsync();

            await button.ClickAsync();
            await Assertions.Expect(button).ToHaveAttributeAsync("aria-expanded", "true");

            // Submenus shown inside the menu open too: every link is then on screen.
            var closed = header.Locator("button[aria-expanded='false']:visible");
            for (var i = 0; i < 5 && await closed.CountAsync() > 0; i++)
            {
                await closed.First.ClickAsync();
            }

            var links = await header.Locator("a").AllAsync();
            Assert.NotEmpty(links);
            var problems = new List<string>();
            foreach (var link in links)
            {
                var name = $"{await link.TextContentAsync()} ({await link.GetAttributeAsync("href")})".Trim();
                if (!await link.IsVisibleAsync())
                {
                    problems.Add(name + " is not visible");
                    continue;
                }

                var box = await PageGeometry.BoxAsync(link);
                if (box.Left < -Slack || box.Right > Screen.Phone.Width + Slack)
                {
                    problems.Add($"{name} is off screen at {box}");
                    continue;
                }

                try
                {
                    // A trial click checks the link is visible, stable, enabled and the topmost element at its centre.
                    await link.ClickAsync(new() { Trial = true, Timeout = 3_000 });
                }
                catch (TimeoutException e)
                {
                    problems.Add($"{name} cannot be clicked: {e.Message.Split('\n')[0]}");
                }
            }

            Assert.True(problems.Count == 0, string.Join(Environment.NewLine, problems));
        }
        finally
        {
            await context.CloseAsync();
        }
    }

    private static async Task AssertPictureLetterboxedAsync(IPage tab, string situation)
    {
        var frame = await PageGeometry.BoxAsync(tab.Locator(SiteSelectors.PlayerFrame));
        var (video, videoWidth, videoHeight, fit, picture) = await PageGeometry.VideoPictureAsync(tab.Locator(SiteSelectors.PlayerVideo));
        var where = $"{situation}: frame {frame}, video {video}, picture {picture} ({videoWidth}×{videoHeight}, object-fit {fit})";

        Assert.True(frame.Width > 0 && frame.Height > 0, "The player frame is not shown " + where);
        Assert.True(
            Math.Abs(video.Left - frame.Left) <= Slack && Math.Abs(video.Top - frame.Top) <= Slack
            && Math.Abs(video.Right - frame.Right) <= Slack && Math.Abs(video.Bottom - frame.Bottom) <= Slack,
            "The video does not fill the player frame " + where);

        // Not cropped: the picture lies within the video box, with its own aspect ratio.
        Assert.True(
            picture.Left >= video.Left - Slack && picture.Top >= video.Top - Slack && picture.Right <= video.Right + Slack && picture.Bottom <= video.Bottom + Slack,
            "The picture is cropped " + where);
        Assert.True(
            Math.Abs((picture.Width / picture.Height) - ((double)videoWidth / videoHeight)) < 0.01,
            "The picture is stretched " + where);

        // Not smaller than it can be: it touches both sides on at least one axis.
        var fillsWidth = Math.Abs(picture.Width - video.Width) <= Slack;
        var fillsHeight = Math.Abs(picture.Height - video.Height) <= Slack;
        Assert.True(fillsWidth || fillsHeight, "The picture is smaller than the video box allows " + where);
    }
}
