using System.Net;
using System.Net.Http.Json;

namespace Spectra.Testing;

/// <summary>
/// An HttpClient with its own cookie jar that behaves like one browser: it can fetch a form's
/// antiforgery token and post the form, or call the JSON API with the X-CSRF-TOKEN header.
/// </summary>
public sealed class TestClient : IDisposable
{
    public TestClient(Uri baseAddress)
    {
        Cookies = new CookieContainer();
        Http = new HttpClient(new HttpClientHandler { CookieContainer = Cookies, AllowAutoRedirect = false, UseCookies = true })
        {
            BaseAddress = baseAddress,
            Timeout = TimeSpan.FromSeconds(60),
        };
    }

    public HttpClient Http { get; }

    public CookieContainer Cookies { get; }

    public string? UserName { get; set; }

    /// <summary>GETs <paramref name="pagePath"/> and returns the antiforgery request token in it.</summary>
    public async Task<string> GetAntiforgeryTokenAsync(string pagePath = "/")
    {
        var html = await Http.GetStringAsync(pagePath);
        var match = SpectraHost.AntiforgeryField().Match(html);
        if (!match.Success)
        {
            match = SpectraHost.AntiforgeryMeta().Match(html);
        }

        return match.Success ? WebUtility.HtmlDecode(match.Groups[1].Value) : throw new InvalidOperationException($"No antiforgery token on {pagePath}.");
    }

    /// <summary>Posts a form the way a browser would after loading <paramref name="pagePath"/> (default: the form's own URL).</summary>
    public async Task<HttpResponseMessage> PostFormAsync(string action, Dictionary<string, string> fields, string? pagePath = null, bool includeToken = true)
    {
        var values = new Dictionary<string, string>(fields);
        if (includeToken)
        {
            values["__RequestVerificationToken"] = await GetAntiforgeryTokenAsync(pagePath ?? StripHandler(action));
        }

        return await Http.PostAsync(action, new FormUrlEncodedContent(values));
    }

    /// <summary>Sends JSON to the API with the antiforgery header a page script would send.</summary>
    public async Task<HttpResponseMessage> SendJsonAsync(HttpMethod method, string path, object body, bool includeToken = true)
    {
        using var request = new HttpRequestMessage(method, path) { Content = JsonContent.Create(body) };
        if (includeToken)
        {
            request.Headers.Add("X-CSRF-TOKEN", await GetAntiforgeryTokenAsync("/"));
        }

        return await Http.SendAsync(request);
    }

    public void Dispose() => Http.Dispose();

    private static string StripHandler(string action)
    {
        var q = action.IndexOf('?', StringComparison.Ordinal);
        return q < 0 ? action : action[..q];
    }
}
