using System.Net;
using System.Security.Cryptography;
using Spectra.Testing.Chat;

namespace Spectra.IntegrationTests.Chat;

/// <summary>Anonymous viewers: a crowd behind one address all get chat; made-up viewer cookies cannot inflate the count.</summary>
public sealed class AnonymousAudienceTests
{
    [Fact]
    public async Task JoinChannel_FiftyAnonymousViewersBehindOneAddressAtOnce_AllJoin()
    {
        // With the default request rate limits on, as a server runs them.
        await using var chat = await ChatTestHost.StartAsync(settings: new Dictionary<string, string?> { ["RateLimits:Enabled"] = "true" });
        using var owner = await chat.SignUpAsync("alice");
        var clients = await Task.WhenAll(Enumerable.Range(0, 50).Select(i => ChatHubClient.ConnectAsync(chat.HubUri, ViewerCookie(chat))));
        try
        {
            var joins = await Task.WhenAll(clients.Select(c => c.InvokeAsync("JoinChannel", "alice", null)));

            Assert.All(joins, j => Assert.Equal("alice", j.GetProperty("channel").GetString()));
            var (_, last) = await chat.JoinAsync("alice");
            Assert.Equal(51, last.GetProperty("viewers").GetInt32());
        }
        finally
        {
            foreach (var client in clients)
            {
                await client.DisposeAsync();
            }
        }
    }

    [Fact]
    public async Task Presence_MadeUpViewerCookiesFromOneAddress_CountCapped()
    {
        await using var chat = await ChatTestHost.StartAsync(settings: new Dictionary<string, string?> { ["Chat:MaxAnonymousViewersPerAddress"] = "5" });
        using var owner = await chat.SignUpAsync("alice");
        using var viewer = await chat.SignUpAsync("bob");
        var clients = new List<ChatHubClient>();
        try
        {
            var viewers = 0;
            for (var i = 0; i < 8; i++)
            {
                var client = await ChatHubClient.ConnectAsync(chat.HubUri, ViewerCookie(chat));
                clients.Add(client);
                viewers = (await client.InvokeAsync("JoinChannel", "alice", null)).GetProperty("viewers").GetInt32();
            }

            // Five distinct anonymous viewers, then the address's further made-up cookies count as one.
            Assert.Equal(6, viewers);
            var (_, signedIn) = await chat.JoinAsync("alice", viewer);
            Assert.Equal(7, signedIn.GetProperty("viewers").GetInt32());
        }
        finally
        {
            foreach (var client in clients)
            {
                await client.DisposeAsync();
            }
        }
    }

    private static CookieContainer ViewerCookie(ChatTestHost chat)
    {
        var cookies = new CookieContainer();
        cookies.Add(chat.Host.BaseAddress, new Cookie("spectra_viewer", Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16))));
        return cookies;
    }
}
