using Microsoft.Playwright;
using Spectra.BrowserTests.Infrastructure;

namespace Spectra.BrowserTests.Experience;

/// <summary>
/// The player and chat by keyboard alone: Tab reaches every control, the player's keys work while it has
/// focus (space play/pause, m mute, f full screen), and Enter sends a chat message.
/// </summary>
[Collection(ExperienceCollection.Name)]
public sealed class KeyboardBrowserTests(ExperienceSite site)
{
    /// <summary>Upper bound of Tab presses to reach every control from the top of the page.</summary>
    private const int MaxTabs = 80;

    private static readonly (string Name, string Selector)[] Controls =
    [
        ("play/pause", "#player .pc-play"),
        ("mute", "#player .pc-mute"),
        ("volume", "#player .pc-volume"),
        ("quality", "#player .pc-quality"),
        ("full screen", "#player .pc-fullscreen"),
        ("chat input", ".chat [data-role='input']"),
        ("send", ".chat [data-role='form'] button[type='submit']"),
    ];

    [Fact]
    public async Task ChannelPage_Tab_ReachesEveryPlayerAndChatControl()
    {
        var context = await site.NewContextAsync(Screen.Desktop, signedIn: true);
        try
        {
            var tab = await site.OpenAsync(context, SitePage.ChannelLive);
            await Assertions.Expect(tab.Locator(Controls[^1].Selector)).ToBeVisibleAsync();
            foreach (var (name, selector) in Controls)
            {
                await tab.Locator(selector).EvaluateAsync("(el, name) => el.dataset.keyboardControl = name", name);
            }

            var reached = new HashSet<string>();
            for (var i = 0; i < MaxTabs && reached.Count < Controls.Length; i++)
            {
                await tab.Keyboard.PressAsync("Tab");
                var name = await tab.EvaluateAsync<string?>("() => document.activeElement?.dataset?.keyboardControl ?? null");
                if (name is not null)
                {
                    reached.Add(name);
                }
            }

            var missing = Controls.Select(c => c.Name).Where(n => !reached.Contains(n)).ToList();
            Assert.True(missing.Count == 0, $"Tab ({MaxTabs} presses) never reached: {string.Join(", ", missing)}");
        }
        finally
        {
            await context.CloseAsync();
        }
    }

    [Fact]
    public async Task Player_FocusedKeys_SpaceTogglesPlayMTogglesMuteFTogglesFullScreen()
    {
        var context = await site.NewContextAsync(Screen.Desktop, signedIn: false);
        try
        {
            var tab = await site.OpenAsync(context, SitePage.ChannelLive);
            const string Video = "document.querySelector('#player video')";
            await tab.WaitForFunctionAsync($"() => !{Video}.paused");
            await tab.Locator(SiteSelectors.PlayerFrame).FocusAsync();
            Assert.True(
                await tab.EvaluateAsync<bool>("() => document.querySelector('#player').contains(document.activeElement)"),
                "The player cannot take focus");

            await tab.Keyboard.PressAsync("Space");
            await tab.WaitForFunctionAsync($"() => {Video}.paused", null, new() { Timeout = 5_000 });
            await tab.Keyboard.PressAsync("Space");
            await tab.WaitForFunctionAsync($"() => !{Video}.paused", null, new() { Timeout = 5_000 });

            var muted = await tab.EvaluateAsync<bool>($"() => {Video}.muted");
            await tab.Keyboard.PressAsync("m");
            await tab.WaitForFunctionAsync($"m => {Video}.muted === m", !muted, new() { Timeout = 5_000 });
            await tab.Keyboard.PressAsync("m");
            await tab.WaitForFunctionAsync($"m => {Video}.muted === m", muted, new() { Timeout = 5_000 });

            await tab.Keyboard.PressAsync("f");
            await tab.WaitForFunctionAsync("() => document.fullscreenElement !== null", null, new() { Timeout = 5_000 });
            await tab.Keyboard.PressAsync("f");
            await tab.WaitForFunctionAsync("() => document.fullscreenElement === null", null, new() { Timeout = 5_000 });
        }
        finally
        {
            await context.CloseAsync();
        }
    }

    [Fact]
    public async Task PlayerButtons_EnterAndArrowKeys_Operate()
    {
        var context = await site.NewContextAsync(Screen.Desktop, signedIn: false);
        try
        {
            var tab = await site.OpenAsync(context, SitePage.ChannelLive);
            const string Video = "document.querySelector('#player video')";
            await tab.WaitForFunctionAsync($"() => !{Video}.paused");

            // As after tabbing in: the player takes focus first, which shows its controls.
            await tab.Locator(SiteSelectors.PlayerFrame).FocusAsync();
            await tab.Locator("#player .pc-play").FocusAsync();
            await tab.Keyboard.PressAsync("Enter");
            await tab.WaitForFunctionAsync($"() => {Video}.paused", null, new() { Timeout = 5_000 });
            await tab.Keyboard.PressAsync("Enter");
            await tab.WaitForFunctionAsync($"() => !{Video}.paused", null, new() { Timeout = 5_000 });

            var muted = await tab.EvaluateAsync<bool>($"() => {Video}.muted");
            await tab.Locator("#player .pc-mute").FocusAsync();
            await tab.Keyboard.PressAsync("Enter");
            await tab.WaitForFunctionAsync($"m => {Video}.muted === m", !muted, new() { Timeout = 5_000 });
            await tab.Keyboard.PressAsync("Enter");
            await tab.WaitForFunctionAsync($"m => {Video}.muted === m", muted, new() { Timeout = 5_000 });

            await tab.Locator("#player .pc-volume").FocusAsync();
            await tab.Keyboard.PressAsync("End");
            await tab.Keyboard.PressAsync("ArrowLeft");
            await tab.WaitForFunctionAsync($"() => {Video}.volume < 1", null, new() { Timeout = 5_000 });
        }
        finally
        {
            await context.CloseAsync();
        }
    }

    [Fact]
    public async Task Chat_Enter_SendsMessage()
    {
        var context = await site.NewContextAsync(Screen.Desktop, signedIn: true);
        try
        {
            var tab = await site.OpenAsync(context, SitePage.ChannelLive);
            var input = tab.Locator(Controls[5].Selector);
            await Assertions.Expect(input).ToBeVisibleAsync();
            await input.FocusAsync();
            await tab.Keyboard.TypeAsync("Sent with the keyboard");
            await tab.Keyboard.PressAsync("Enter");
            await Assertions.Expect(tab.Locator(".chat [data-role='messages']")).ToContainTextAsync("Sent with the keyboard");
            await Assertions.Expect(input).ToHaveValueAsync("");
        }
        finally
        {
            await context.CloseAsync();
        }
    }
}
