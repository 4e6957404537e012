using System.Net.Http.Json;
using System.Net.WebSockets;
using System.Runtime.CompilerServices;
using Spectra.Testing;

namespace Spectra.IntegrationTests.Community;

/// <summary>
/// HttpClient-like calls on a <see cref="TestClient"/>: reads go straight through, writes carry the
/// X-CSRF-TOKEN header a page script sends (fetched once per client from the home page).
/// </summary>
internal static class TestClientExtensions
{
    private static readonly ConditionalWeakTable<TestClient, string> Tokens = [];

    public static Task<T?> GetFromJsonAsync<T>(this TestClient client, string path) => client.Http.GetFromJsonAsync<T>(path);

    public static Task<string> GetStringAsync(this TestClient client, string path) => client.Http.GetStringAsync(path);

    public static Task<HttpResponseMessage> GetAsync(this TestClient client, string path) => client.Http.GetAsync(path);

    public static Task<HttpResponseMessage> PutAsync(this TestClient client, string path, HttpContent? content) => client.SendAsync(HttpMethod.Put, path, content);

    public static Task<HttpResponseMessage> PostAsync(this TestClient client, string path, HttpContent? content) => client.SendAsync(HttpMethod.Post, path, content);

    public static Task<HttpResponseMessage> PostAsJsonAsync<T>(this TestClient client, string path, T body) => client.SendAsync(HttpMethod.Post, path, JsonContent.Create(body));

    public static Task<HttpResponseMessage> DeleteAsync(this TestClient client, string path) => client.SendAsync(HttpMethod.Delete, path, null);

    public static async Task<HttpResponseMessage> SendAsync(this TestClient client, HttpMethod method, string path, HttpContent? content)
    {
        if (!Tokens.TryGetValue(client, out var token))
        {
            token = await client.GetAntiforgeryTokenAsync("/");
            Tokens.AddOrUpdate(client, token);
        }

        using var request = new HttpRequestMessage(method, path) { Content = content };
        request.Headers.Add("X-CSRF-TOKEN", token);
        return await client.Http.SendAsync(request);
    }

    /// <summary>Opens a WebSocket to the host with the client's cookies (its signed-in session).</summary>
    public static async Task<ClientWebSocket> ConnectWebSocketAsync(this SpectraHost host, TestClient client, string path)
    {
        var socket = new ClientWebSocket();
        socket.Options.Cookies = client.Cookies;
        var uri = new UriBuilder(host.BaseAddress) { Scheme = "ws", Path = path }.Uri;
        using var cts = new CancellationTokenSource(CommunityTestSupport.WaitLimit);
        await socket.ConnectAsync(uri, cts.Token);
        return socket;
    }
}
