using Spectra.Testing;
using Spectra.Testing.Chat;
using Spectra.Testing.Community;

namespace Spectra.IntegrationTests.Community;

/// <summary>
/// Viewers as open channel pages make them: chat hub connections joined to a channel. Chat presence counts
/// them, and the live directory reports that count as the channel's viewers.
/// </summary>
internal sealed class ViewerCrowd(SpectraHost host) : IAsyncDisposable
{
    private readonly List<ChatHubClient> _clients = [];

    /// <summary>Opens one connection (as <paramref name="user"/>, anonymous when null) and joins <paramref name="channel"/>.</summary>
    public async Task<ChatHubClient> JoinAsync(string channel, TestClient? user = null)
    {
        var client = await ChatHubClient.ConnectAsync(new Uri(host.BaseAddress, "/hubs/chat"), user?.Cookies);
        _clients.Add(client);
        await client.InvokeAsync("JoinChannel", channel, null);
        return client;
    }

    /// <summary>Waits until the live directory reports exactly <paramref name="viewers"/> viewers for the (live) channel.</summary>
    public static Task WaitForViewersAsync(SpectraHost host, string channel, int viewers) =>
        host.WaitForViewersAsync(channel, v => v == viewers, CommunityTestSupport.WaitLimit);

    public async ValueTask DisposeAsync()
    {
        foreach (var client in _clients)
        {
            await client.DisposeAsync();
        }
    }
}
