using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Spectra.BrowserTests.Infrastructure;
using Spectra.Server.Community.Search;
using Spectra.Testing;
using Spectra.Testing.Live;

namespace Spectra.BrowserTests.Experience;

/// <summary>
/// The site the experience tests look at, started once for all of them: a real server with fixed data
/// (channel names, titles, category, follows), one channel live from an ffmpeg test pattern, one offline,
/// and one headless Chromium. Browser contexts (viewport, colour scheme, signed in or not) are reused
/// across tests; every page fails the run on an uncaught script error or a Content-Security-Policy violation.
/// </summary>
public sealed class ExperienceSite : IAsyncLifetime
{
    /// <summary>The live channel, and the user the signed-in pages are opened as.</summary>
    public const string LiveChannel = "aurora";

    public const string OfflineChannel = "basil";

    public const string LiveTitle = "Test pattern with a 440 Hz tone";

    public const string OfflineTitle = "Gardening on Sundays";

    public const string CategorySlug = "science-technology";

    public const string SearchTerm = "pattern";

    /// <summary>The page of <see cref="OfflineChannel"/>'s past broadcast (recorded at start-up); resolved when opened.</summary>
    public const string PastBroadcastPath = "/videos/{past-broadcast}";

    /// <summary>Upper bound of every wait on a page (ms).</summary>
    public const float WaitMilliseconds = 20_000;

    private const string Password = "correct horse battery staple";

    private readonly ConcurrentDictionary<(bool SignedIn, ColorScheme Scheme, Screen Size, bool Screenshots), Task<IBrowserContext>> _contexts = new();
    private readonly List<string> _pageErrors = [];
    private LiveHost? _host;
    private LiveEventRecorder? _events;
    private ExternalProcess? _publisher;
    private IPlaywright? _playwright;
    private IBrowser? _browser;
    private string? _signedInState;
    private IPage? _scratch;
    private (SitePage Page, bool SignedIn, IPage Tab)? _reused;

    public LiveHost Host => _host ?? throw new InvalidOperationException("Not started.");

    public IBrowser Browser => _browser ?? throw new InvalidOperationException("Not started.");

    public Uri BaseAddress => Host.BaseAddress;

    /// <summary>The id of <see cref="OfflineChannel"/>'s past broadcast (a 5 s recording made at start-up).</summary>
    public Guid PastBroadcastId { get; private set; }

    public async Task InitializeAsync()
    {
        Assertions.SetDefaultExpectTimeout(WaitMilliseconds);
        _host = await LiveHost.StartAsync();
        _events = new LiveEventRecorder(_host);
        var live = await _host.CreateStreamerAsync(LiveChannel);
        var offline = await _host.CreateStreamerAsync(OfflineChannel);
        await UpdateChannelAsync(live, LiveTitle, ["testpattern", "tone"], "A synthetic picture and a steady tone, for checking the player.");
        await UpdateChannelAsync(offline, OfflineTitle, ["plants"], "Seedlings, soil and patience.");
        await FollowAsync(offline, LiveChannel);
        await AddRestreamDestinationAsync(live);
        await FollowAsync(live, OfflineChannel);
        await _host.Services.GetRequiredService<SearchIndexHost>().CatchUpAllAsync(CancellationToken.None);

        // A past broadcast of the offline channel: 5 s live, then recorded and ready as a video.
        await using (var broadcast = ExternalProcess.FfmpegPublish(_host.RtmpUrl(offline.StreamKey), seconds: 5, size: "640x360"))
        {
            await _events.WaitForOnlineAsync(offline.ChannelId, TimeSpan.FromSeconds(40));
            await _events.WaitForOfflineAsync(offline.ChannelId, TimeSpan.FromSeconds(60));
        }

        PastBroadcastId = await WaitForVideoAsync(OfflineChannel);

        // 16:9 like most cameras; the layout tests check the picture is letterboxed, never cropped.
        _publisher = ExternalProcess.FfmpegPublish(_host.RtmpUrl(live.StreamKey), seconds: 1200, size: "640x360");
        (_playwright, _browser) = await Chromium.LaunchAsync();
        _signedInState = await SignInStateAsync(LiveChannel);
        await _events.WaitForOnlineAsync(live.ChannelId, TimeSpan.FromSeconds(40));
    }

    /// <summary>
    /// A context (viewport, colour scheme, signed in as <see cref="LiveChannel"/> or not) shared by the tests
    /// that only read pages. Tests that change state (playing, chatting) use <see cref="NewContextAsync"/>.
    /// </summary>
    public Task<IBrowserContext> SharedContextAsync(Screen size, bool signedIn, ColorScheme scheme = ColorScheme.Light) =>
        _contexts.GetOrAdd((signedIn, scheme, size, false), key => NewContextAsync(key.Size, key.SignedIn, key.Scheme));

    /// <summary>
    /// Opens <paramref name="page"/> for a screenshot in a shared context that does not enforce the Content-Security-Policy:
    /// the masks and style a screenshot adds are injected into the page, and the page's policy would refuse them. The
    /// other tests open the same pages with the policy enforced and every violation counted.
    /// </summary>
    public async Task<IPage> OpenForScreenshotAsync(SitePage page, Screen size, bool signedIn, ColorScheme scheme = ColorScheme.Light)
    {
        var context = await _contexts.GetOrAdd((signedIn, scheme, size, true), key => NewContextAsync(key.Size, key.SignedIn, key.Scheme, bypassCsp: true));
        return await OpenAsync(context, page);
    }

    /// <summary>A new context the caller closes.</summary>
    public async Task<IBrowserContext> NewContextAsync(Screen size, bool signedIn, ColorScheme scheme = ColorScheme.Light) =>
        await NewContextAsync(size, signedIn, scheme, bypassCsp: false);

    private async Task<IBrowserContext> NewContextAsync(Screen size, bool signedIn, ColorScheme scheme, bool bypassCsp)
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BypassCSP = bypassCsp,
            BaseURL = BaseAddress.ToString(),
            ViewportSize = new ViewportSize { Width = size.Width, Height = size.Height },
            ColorScheme = scheme,
            ReducedMotion = ReducedMotion.Reduce,
            StorageState = signedIn ? _signedInState : null,
            TimezoneId = "UTC",
            Locale = "en-GB",
        });
        context.SetDefaultTimeout(WaitMilliseconds);
        return context;
    }

    /// <summary>Opens <paramref name="page"/> in a shared context and waits until it is <see cref="PageReadiness">ready</see>.</summary>
    public async Task<IPage> OpenAsync(SitePage page, Screen size, bool signedIn, ColorScheme scheme = ColorScheme.Light)
    {
        var context = await SharedContextAsync(size, signedIn, scheme);
        return await OpenAsync(context, page);
    }

    /// <summary>Opens <paramref name="page"/> in <paramref name="context"/>, checks it was not redirected, and waits until it is ready.</summary>
    public async Task<IPage> OpenAsync(IBrowserContext context, SitePage page)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(page);
        var tab = await context.NewPageAsync();
        tab.PageError += (_, error) => AddPageError($"{page.Name}: {error}");
        tab.Console += (_, message) =>
        {
            if (message.Type == "error" && message.Text.Contains("Content Security Policy", StringComparison.Ordinal))
            {
                AddPageError($"{page.Name}: {message.Location}: {message.Text}");
            }
        };
        var path = ResolvePath(page.Path);
        var response = await tab.GotoAsync(path);
        Assert.True(response is { Ok: true }, $"{path} answered {response?.Status}");
        Assert.True(
            new Uri(tab.Url).PathAndQuery == new Uri(BaseAddress, path).PathAndQuery,
            $"{path} was redirected to {tab.Url}");
        await PageReadiness.WaitAsync(tab);
        return tab;
    }

    /// <summary>
    /// Shows <paramref name="page"/> at <paramref name="size"/> in <paramref name="scheme"/>, reusing the tab of the previous
    /// call when it showed the same page to the same visitor: the viewport and the colour scheme are switched in place
    /// (as when a window is resized or the system theme changes), which spares a page load and the player's start-up
    /// for each combination. The tab stays open for the next call; do not close it.
    /// </summary>
    public async Task<IPage> ShowAsync(SitePage page, Screen size, bool signedIn, ColorScheme scheme)
    {
        ArgumentNullException.ThrowIfNull(page);
        ArgumentNullException.ThrowIfNull(size);
        if (_reused is not { } reused || reused.Page != page || reused.SignedIn != signedIn || reused.Tab.IsClosed)
        {
            if (_reused is { } previous)
            {
                await previous.Tab.CloseAsync();
            }

            var context = await SharedContextAsync(size, signedIn, scheme);
            _reused = reused = (page, signedIn, await OpenAsync(context, page));
        }

        var tab = reused.Tab;
        await tab.SetViewportSizeAsync(size.Width, size.Height);
        await tab.EmulateMediaAsync(new PageEmulateMediaOptions { ColorScheme = scheme });
        await tab.EvaluateAsync("() => new Promise(r => requestAnimationFrame(() => requestAnimationFrame(r)))");
        return tab;
    }

    /// <summary>The path with the ids only known once the site runs filled in.</summary>
    public string ResolvePath(string path) =>
        path.Replace("{past-broadcast}", PastBroadcastId.ToString("N"), StringComparison.Ordinal);

    /// <summary>A blank page for work done in the browser that is not about the site (image comparison).</summary>
    public async Task<IPage> ScratchPageAsync() => _scratch ??= await Browser.NewPageAsync();

    public async Task DisposeAsync()
    {
        try
        {
            foreach (var context in _contexts.Values)
            {
                await (await context).CloseAsync();
            }

            if (_browser is not null)
            {
                await _browser.CloseAsync();
            }

            _playwright?.Dispose();
            if (_publisher is not null)
            {
                await _publisher.DisposeAsync();
            }

            _events?.Dispose();
        }
        finally
        {
            if (_host is not null)
            {
                await _host.DisposeAsync();
            }
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

    private async Task<Guid> WaitForVideoAsync(string channel)
    {
        using var client = Host.CreateClient();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        while (true)
        {
            var videos = await client.GetFromJsonAsync<System.Text.Json.JsonElement>($"/api/v1/channels/{channel}/videos", timeout.Token);
            if (videos.GetArrayLength() > 0 && videos[0].GetProperty("status").GetString() == "ready")
            {
                return videos[0].GetProperty("id").GetGuid();
            }

            await Task.Delay(250, timeout.Token);
        }
    }

    private async Task UpdateChannelAsync(Streamer streamer, string title, string[] tags, string description)
    {
        using var client = Host.CreateClient(streamer.Token);
        using var response = await client.PatchAsJsonAsync(
            "/api/v1/channels/" + streamer.Name, new { title, categorySlug = CategorySlug, tags, description });
        Assert.True(response.IsSuccessStatusCode, $"Updating {streamer.Name}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
    }

    private async Task FollowAsync(Streamer follower, string channel)
    {
        using var client = Host.CreateClient(follower.Token);
        using var response = await client.PutAsync($"/api/v1/channels/{channel}/follow", null);
        Assert.True(response.IsSuccessStatusCode, $"{follower.Name} following {channel}: {(int)response.StatusCode}");
    }

    /// <summary>Signs in through the real form and returns the browser storage state carrying the session cookie.</summary>
    private async Task<string> SignInStateAsync(string userName)
    {
        using var client = new TestClient(BaseAddress);
        using var response = await client.PostFormAsync("/signin", new() { ["UserName"] = userName, ["Password"] = Password });
        Assert.True(response.StatusCode == HttpStatusCode.Redirect, $"Signing in {userName}: {(int)response.StatusCode}");
        var context = await Browser.NewContextAsync();
        try
        {
            await context.AddCookiesAsync(client.Cookies.GetCookies(BaseAddress)
                .Select(c => new Microsoft.Playwright.Cookie { Name = c.Name, Value = c.Value, Url = BaseAddress.ToString() }));
            return await context.StorageStateAsync();
        }
        finally
        {
            await context.CloseAsync();
        }
    }

    /// <summary>
    /// A restream destination nobody listens on (port 9 on loopback): while the channel is live its push keeps
    /// retrying, so the restreaming page shows a destination with its error.
    /// </summary>
    private async Task AddRestreamDestinationAsync(Streamer streamer)
    {
        await using var scope = Host.Services.CreateAsyncScope();
        var destinations = scope.ServiceProvider.GetRequiredService<Spectra.Server.Restreaming.RestreamDestinationService>();
        var result = await destinations.AddAsync(streamer.ChannelId,
            new Spectra.Server.Restreaming.RestreamDestinationInput("custom", "rtmp://127.0.0.1:9/app", "experience_key_0001", "Backup server", true),
            CancellationToken.None);
        Assert.True(result.Succeeded);
    }
}
