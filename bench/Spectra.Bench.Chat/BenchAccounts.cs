using System.Net;
using System.Text.RegularExpressions;

namespace Spectra.Bench.Chat;

/// <summary>Creates accounts through the real sign-up form, as a browser would.</summary>
internal static partial class BenchAccounts
{
    /// <summary>Server settings the accounts need (none beyond the defaults today).</summary>
    public static IReadOnlyDictionary<string, string> ServerEnvironment { get; } = new Dictionary<string, string>();

    /// <summary>Signs up <paramref name="userName"/> and returns the cookie jar holding its session.</summary>
    public static async Task<CookieContainer> SignUpAsync(Uri baseAddress, string userName)
    {
        var cookies = new CookieContainer();
        using var http = new HttpClient(new HttpClientHandler { CookieContainer = cookies, AllowAutoRedirect = false }) { BaseAddress = baseAddress };
        var page = await http.GetStringAsync("/signup");
        var token = TokenField().Match(page);
        if (!token.Success)
        {
            throw new InvalidOperationException("No antiforgery token on /signup.");
        }

        using var form = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["UserName"] = userName,
            ["Password"] = "bench password 1234",
            ["__RequestVerificationToken"] = WebUtility.HtmlDecode(token.Groups[1].Value),
        });
        using var response = await http.PostAsync("/signup", form);
        if (response.StatusCode != HttpStatusCode.Redirect)
        {
            throw new InvalidOperationException($"Sign-up of {userName} failed with {(int)response.StatusCode}.");
        }

        return cookies;
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex TokenField();
}
