using System.Net;
using System.Net.WebSockets;
using Microsoft.AspNetCore.SignalR;
using Spectra.IntegrationTests.Community;
using Spectra.Testing;
using Spectra.Testing.Chat;

namespace Spectra.IntegrationTests.Accounts;

/// <summary>Server-side sessions: signing out ends the session everywhere its cookie went.</summary>
public sealed class SessionTests
{
    private const string Password = "correct horse battery";

    [Theory]
    [InlineData(DatabaseKind.Sqlite)]
    [InlineData(DatabaseKind.Postgres)]
    public async Task SignOut_CopiedCookie_RefusedAfterwards(DatabaseKind database)
    {
        await using var host = await SpectraHost.StartAsync(database);
        using var browser = await host.SignUpAsync("ivy", Password);
        using var copy = CopyOf(host, browser);
        using (var before = await copy.Http.GetAsync("/api/v1/me"))
        {
            Assert.Equal(HttpStatusCode.OK, before.StatusCode);
        }

        using var signOut = await browser.PostFormAsync("/signout", [], pagePath: "/");

        Assert.Equal(HttpStatusCode.Redirect, signOut.StatusCode);
        using var after = await copy.Http.GetAsync("/api/v1/me");
        Assert.Equal(HttpStatusCode.Unauthorized, after.StatusCode);
    }

    [Fact]
    public async Task SettingsSessions_SignOutOneSession_EndsOnlyThatOne()
    {
        await using var host = await SpectraHost.StartAsync();
        using var browserA = await host.SignUpAsync("jack", Password);
        using var browserB = await host.SignInAsync("jack", Password);
        using var browserC = await host.SignInAsync("jack", Password);
        var page = await browserA.Http.GetStringAsync("/settings");
        var sessions = System.Text.RegularExpressions.Regex.Matches(page, "data-session=\"([0-9a-f-]{36})\"").Select(m => m.Groups[1].Value).ToList();
        Assert.Equal(3, sessions.Count);
        Assert.Contains("(this browser)", page, StringComparison.Ordinal);

        // B's session is the one B's settings page marks as its own.
        var pageB = await browserB.Http.GetStringAsync("/settings");
        var own = System.Text.RegularExpressions.Regex.Match(pageB, "data-session=\"([0-9a-f-]{36})\">\\s*<td>[^<]*<strong> \\(this browser\\)").Groups[1].Value;
        Assert.Contains(own, sessions);
        using var revoke = await browserA.PostFormAsync("/settings?handler=SignOutSession", new() { ["sessionId"] = own });

        Assert.Equal(HttpStatusCode.OK, revoke.StatusCode);
        Assert.Contains("That session was signed out.", await revoke.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Unauthorized, await StatusOfMeAsync(browserB));
        Assert.Equal(HttpStatusCode.OK, await StatusOfMeAsync(browserA));
        Assert.Equal(HttpStatusCode.OK, await StatusOfMeAsync(browserC));
    }

    [Theory]
    [InlineData(DatabaseKind.Sqlite)]
    [InlineData(DatabaseKind.Postgres)]
    public async Task SignOutEverywhere_EndsEverySession_AndClosesTheirConnections(DatabaseKind database)
    {
        await using var host = await SpectraHost.StartAsync(database);
        using var browserA = await host.SignUpAsync("kate", Password);
        using var browserB = await host.SignInAsync("kate", Password);
        await using var hub = await ChatHubClient.ConnectAsync(new Uri(host.BaseAddress, "/hubs/chat"), browserB.Cookies);
        await hub.InvokeAsync("JoinChannel", "kate", null);
        using var notifications = await host.ConnectWebSocketAsync(browserB, "/api/v1/me/notifications/live");

        using var everywhere = await browserA.PostFormAsync("/settings?handler=SignOutEverywhere", [], pagePath: "/settings");

        Assert.Equal(HttpStatusCode.Redirect, everywhere.StatusCode);
        await hub.Closed.WaitAsync(ChatHubClient.DefaultTimeout);
        await ClosedAsync(notifications);
        Assert.Equal(HttpStatusCode.Unauthorized, await StatusOfMeAsync(browserA));
        Assert.Equal(HttpStatusCode.Unauthorized, await StatusOfMeAsync(browserB));
        await using var again = await ChatHubClient.ConnectAsync(new Uri(host.BaseAddress, "/hubs/chat"), browserB.Cookies);
        await again.InvokeAsync("JoinChannel", "kate", null);
        var error = await Assert.ThrowsAsync<HubException>(() => again.InvokeAsync("SendMessage", "kate", "still here?"));
        Assert.Contains("Sign in", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ChangePassword_ClosesOtherBrowsersConnections()
    {
        await using var host = await SpectraHost.StartAsync();
        using var browserA = await host.SignUpAsync("liam", Password);
        using var browserB = await host.SignInAsync("liam", Password);
        await using var hub = await ChatHubClient.ConnectAsync(new Uri(host.BaseAddress, "/hubs/chat"), browserB.Cookies);
        await hub.InvokeAsync("JoinChannel", "liam", null);

        using var change = await browserA.PostFormAsync("/settings?handler=Password", new() { ["CurrentPassword"] = Password, ["NewPassword"] = "another long password" });

        Assert.Equal(HttpStatusCode.OK, change.StatusCode);
        await hub.Closed.WaitAsync(ChatHubClient.DefaultTimeout);
        Assert.Equal(HttpStatusCode.Unauthorized, await StatusOfMeAsync(browserB));
        Assert.Equal(HttpStatusCode.OK, await StatusOfMeAsync(browserA));
    }

    /// <summary>A second browser holding a copy of <paramref name="client"/>'s cookies.</summary>
    private static TestClient CopyOf(SpectraHost host, TestClient client)
    {
        var copy = host.CreateClient();
        foreach (Cookie cookie in client.Cookies.GetAllCookies())
        {
            copy.Cookies.Add(new Cookie(cookie.Name, cookie.Value, cookie.Path, cookie.Domain));
        }

        return copy;
    }

    private static async Task<HttpStatusCode> StatusOfMeAsync(TestClient client)
    {
        using var response = await client.Http.GetAsync("/api/v1/me");
        return response.StatusCode;
    }

    /// <summary>Completes when the server ends the socket (close frame or abort).</summary>
    private static async Task ClosedAsync(ClientWebSocket socket)
    {
        var buffer = new byte[4096];
        using var limit = new CancellationTokenSource(ChatHubClient.DefaultTimeout);
        try
        {
            while (true)
            {
                var result = await socket.ReceiveAsync(buffer, limit.Token);
                if (result.MessageType == WebSocketMessageType.Close)
                {
                    return;
                }
            }
        }
        catch (WebSocketException)
        {
        }
    }
}
