using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Spectra.BrowserTests.Infrastructure;
using Spectra.Data;
using Spectra.Server.Chat.Polls;
using Spectra.Server.Chat.Presence;
using Spectra.Server.Chat.Questions;
using Spectra.Server.Chat.Reactions;
using Spectra.Server.Community;
using Spectra.Server.Community.Search;
using Spectra.Server.Events;
using Spectra.Testing;
using Spectra.Testing.Community;

namespace Spectra.BrowserTests.Community;

/// <summary>
/// One Spectra host and one headless Chromium for a community test: signed-in browser contexts made
/// from users signed up through the real form, and the live/search arrangements the pages read.
/// Every page fails the test on an uncaught script error or a Content-Security-Policy violation.
/// </summary>
internal sealed class CommunityBrowser : IAsyncDisposable
{
    /// <summary>Upper bound of every wait on the page (ms): server work here takes well under a second.</summary>
    public const float WaitMilliseconds = 20_000;

    private static readonly TimeSpan EventWait = TimeSpan.FromSeconds(30);

    private readonly IPlaywright _playwright;
    private readonly IBrowser _browser;
    private readonly List<IBrowserContext> _contexts = [];
    private readonly List<TestClient> _clients = [];
    private readonly List<string> _pageErrors = [];

    private CommunityBrowser(SpectraHost host, IPlaywright playwright, IBrowser browser)
    {
        Host = host;
        _playwright = playwright;
        _browser = browser;
    }

    public SpectraHost Host { get; }

    /// <param name="settings">Configuration overrides for the server, e.g. ["Community:AllowPrivateWebhookTargets"] = "true".</param>
    public static async Task<CommunityBrowser> StartAsync(IDictionary<string, string?>? settings = null)
    {
        Assertions.SetDefaultExpectTimeout(WaitMilliseconds);
        var host = await SpectraHost.StartAsync(settings: settings);
        try
        {
            var (playwright, browser) = await Chromium.LaunchAsync();
            return new CommunityBrowser(host, playwright, browser);
        }
        catch
        {
            await host.DisposeAsync();
            throw;
        }
    }

    /// <summary>Signs a new user up (which creates their channel) and returns a page signed in as them.</summary>
    public async Task<IPage> SignedInPageAsync(string userName)
    {
        var client = await SignUpAsync(userName);
        var context = await NewContextAsync();
        await context.AddCookiesAsync(client.Cookies.GetCookies(Host.BaseAddress)
            .Select(c => new Cookie { Name = c.Name, Value = c.Value, Url = Host.BaseAddress.ToString() }));
        return await NewPageAsync(context);
    }

    public async Task<IPage> AnonymousPageAsync() => await NewPageAsync(await NewContextAsync());

    /// <summary>Signs a user up through the form; the client (its cookie jar) lives as long as this browser.</summary>
    public async Task<TestClient> SignUpAsync(string userName)
    {
        var client = await Host.SignUpAsync(userName);
        _clients.Add(client);
        return client;
    }

    /// <summary>Follows <paramref name="channelName"/> with the button on its page, as <paramref name="page"/>'s user.</summary>
    public static async Task FollowFromChannelPageAsync(IPage page, string channelName)
    {
        await page.GotoAsync("/" + channelName);
        await page.GetByRole(AriaRole.Button, new() { Name = "Follow", Exact = true }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Unfollow" })).ToBeVisibleAsync();
    }

    /// <summary>
    /// Opens <paramref name="path"/> and waits until the page's notification WebSocket received the server's
    /// hello (the server registers the socket before sending it, so pushes from then on reach the page).
    /// </summary>
    public static async Task GotoWithNotificationSocketAsync(IPage page, string path)
    {
        var hello = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        void OnFrame(object? sender, IWebSocketFrame frame)
        {
            if (frame.Text?.Contains("\"type\":\"hello\"", StringComparison.Ordinal) == true)
            {
                hello.TrySetResult();
            }
        }

        void OnSocket(object? sender, IWebSocket socket) => socket.FrameReceived += OnFrame;
        page.WebSocket += OnSocket;
        try
        {
            await page.GotoAsync(path);
            await hello.Task.WaitAsync(TimeSpan.FromMilliseconds(WaitMilliseconds));
        }
        finally
        {
            page.WebSocket -= OnSocket;
        }
    }

    /// <summary>Brings the search index up to date with every channel (what the 2 s background pass does).</summary>
    public Task CatchUpSearchAsync() => Host.GetRequiredService<SearchIndexHost>().CatchUpAllAsync(CancellationToken.None);

    /// <summary>
    /// Publishes StreamOnline for the channel the way the media plane does, and waits until community
    /// handled it (live registry updated, follower notifications stored and pushed).
    /// </summary>
    public Task GoLiveAsync(string channelName) => Host.GoLiveAsync(channelName, EventWait);

    /// <summary>
    /// Runs <paramref name="action"/> and waits until the live directory counts at least
    /// <paramref name="viewers"/> viewers on the channel (viewers are chat presence: pages with the chat open).
    /// </summary>
    public Task RunAndWaitForViewersAsync(string channelName, int viewers, Func<Task> action) =>
        Host.WaitForViewersAsync(channelName, v => v >= viewers, EventWait, action);

    public async ValueTask DisposeAsync()
    {
        try
        {
            foreach (var context in _contexts)
            {
                await context.CloseAsync();
            }

            await _browser.CloseAsync();
            _playwright.Dispose();
            foreach (var client in _clients)
            {
                client.Dispose();
            }
        }
        finally
        {
            await Host.DisposeAsync();
        }

        Assert.True(_pageErrors.Count == 0, "Page errors:" + Environment.NewLine + string.Join(Environment.NewLine, _pageErrors));
    }

    private void AddPageError(string error)
    {
        lock (_pageErrors)
        {
            _pageErrors.Add(error);
        }
    }


    private async Task<IBrowserContext> NewContextAsync()
    {
        var context = await _browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = Host.BaseAddress.ToString() });
        context.SetDefaultTimeout(WaitMilliseconds);
        _contexts.Add(context);
        return context;
    }

    private async Task<IPage> NewPageAsync(IBrowserContext context)
    {
        var page = await context.NewPageAsync();
        page.PageError += (_, error) => AddPageError(error);

        // The site's Content-Security-Policy refuses inline scripts and styles; a page that needs one is broken.
        page.Console += (_, message) =>
        {
            var error = message.Location + ": " + message.Text;
            if (message.Type == "error" && message.Text.Contains("Content Security Policy", StringComparison.Ordinal))
            {
                AddPageError(error);
            }
        };
        return page;
    }
}
