using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Spectra.Testing;
using Spectra.Testing.Chat;

namespace Spectra.IntegrationTests.Chat;

/// <summary>
/// A running Spectra server plus helpers for chat tests. A site admin ("siteadmin") is created up
/// front with the <c>user create --admin</c> command, as an operator would.
/// </summary>
internal sealed class ChatTestHost : IAsyncDisposable
{
    private readonly List<IAsyncDisposable> _clients = [];

    private ChatTestHost(SpectraHost host, TestClient admin)
    {
        Host = host;
        Admin = admin;
    }

    public SpectraHost Host { get; }

    public TestClient Admin { get; }

    public Uri HubUri => new(Host.BaseAddress, "/hubs/chat");

    public static async Task<ChatTestHost> StartAsync(
        DatabaseKind database = DatabaseKind.Sqlite,
        IDictionary<string, string?>? settings = null,
        Action<WebApplicationBuilder>? configure = null)
    {
        var host = await SpectraHost.StartAsync(database, settings, configure);
        var admin = await host.CreateAdminAsync("siteadmin");
        return new ChatTestHost(host, admin);
    }

    public Task<TestClient> SignUpAsync(string name) => Host.SignUpAsync(name);

    /// <summary>Opens a hub connection as <paramref name="user"/> (anonymous when null).</summary>
    public async Task<ChatHubClient> ConnectAsync(TestClient? user = null, IReadOnlyDictionary<string, string>? headers = null)
    {
        var client = await ChatHubClient.ConnectAsync(HubUri, user?.Cookies, headers);
        _clients.Add(client);
        return client;
    }

    /// <summary>Connects and joins <paramref name="channel"/>; returns the client and the join result.</summary>
    public async Task<(ChatHubClient Client, JsonElement Join)> JoinAsync(string channel, TestClient? user = null, long? since = null)
    {
        var client = await ConnectAsync(user);
        var join = await client.InvokeAsync("JoinChannel", channel, since);
        return (client, join);
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var client in _clients)
        {
            await client.DisposeAsync();
        }

        Admin.Dispose();
        await Host.DisposeAsync();
    }
}
