using System.Net;
using Spectra.Testing;

namespace Spectra.IntegrationTests.Channels;

public sealed class ChannelPageTests
{
    [Fact]
    public async Task ChannelPage_ScriptInTitleAndDescription_IsRenderedEscaped()
    {
        await using var host = await SpectraHost.StartAsync();
        using var owner = await host.SignUpAsync("mallory");
        using (var update = await owner.PostFormAsync("/dashboard?handler=Info", new()
        {
            ["Input.Title"] = "<script>alert('t')</script>",
            ["Input.Category"] = "",
            ["Input.Tags"] = "",
            ["Input.Description"] = "<img src=x onerror=alert(1)>",
        }))
        {
            Assert.Equal(HttpStatusCode.OK, update.StatusCode);
        }

        using var anonymous = host.CreateClient();
        var html = await anonymous.Http.GetStringAsync("/mallory");

        Assert.DoesNotContain("<script>alert", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<img src=x", html, StringComparison.Ordinal);
        Assert.Contains("&lt;script&gt;alert(&#x27;t&#x27;)&lt;/script&gt;", html, StringComparison.Ordinal);
        Assert.Contains("is offline", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ChannelPage_SharedLink_CarriesOpenGraphAndTwitterCards()
    {
        await using var host = await SpectraHost.StartAsync();
        using var owner = await host.SignUpAsync("olive");
        using (var update = await owner.PostFormAsync("/dashboard?handler=Info", new()
        {
            ["Input.Title"] = "Painting \"skies\" & seas",
            ["Input.Category"] = "",
            ["Input.Tags"] = "",
            ["Input.Description"] = "",
        }))
        {
            Assert.Equal(HttpStatusCode.OK, update.StatusCode);
        }

        using var anonymous = host.CreateClient();
        var html = await anonymous.Http.GetStringAsync("/olive");

        Assert.Contains("<meta property=\"og:title\" content=\"olive\">", html, StringComparison.Ordinal);
        Assert.Contains("<meta property=\"og:description\" content=\"Painting &quot;skies&quot; &amp; seas\">", html, StringComparison.Ordinal);
        Assert.Contains($"<meta property=\"og:url\" content=\"{host.BaseAddress.ToString().TrimEnd('/')}/olive\">", html, StringComparison.Ordinal);
        Assert.Contains($"<meta property=\"og:image\" content=\"{host.BaseAddress.ToString().TrimEnd('/')}/icons/icon-512.png\">", html, StringComparison.Ordinal);
        Assert.Contains("<meta name=\"twitter:card\" content=\"summary\">", html, StringComparison.Ordinal);
        Assert.Contains("<link rel=\"manifest\" href=\"/manifest.webmanifest\">", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ChannelPage_UnknownUser_IsNotFound()
    {
        await using var host = await SpectraHost.StartAsync();
        using var client = host.CreateClient();

        using var response = await client.Http.GetAsync("/no_such_user");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task Dashboard_Anonymous_RedirectsToSignIn()
    {
        await using var host = await SpectraHost.StartAsync();
        using var client = host.CreateClient();

        using var response = await client.Http.GetAsync("/dashboard");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/signin", response.Headers.Location?.PathAndQuery, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Dashboard_InfoForm_TooManyTagsShowsErrorAndKeepsOldValues()
    {
        await using var host = await SpectraHost.StartAsync();
        using var owner = await host.SignUpAsync("tagger");

        using var response = await owner.PostFormAsync("/dashboard?handler=Info", new()
        {
            ["Input.Title"] = "New title",
            ["Input.Category"] = "music",
            ["Input.Tags"] = string.Join(",", Enumerable.Range(0, 11).Select(i => $"t{i}")),
            ["Input.Description"] = "",
        });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("at most 10 tags", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var page = await owner.Http.GetStringAsync("/tagger");
        Assert.Contains("tagger&#x27;s channel", page, StringComparison.Ordinal);
        Assert.DoesNotContain("New title", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task HomeAndCategoryPages_ListCategoriesAndChannels()
    {
        await using var host = await SpectraHost.StartAsync();
        using var owner = await host.SignUpAsync("musician");
        (await owner.SendJsonAsync(HttpMethod.Patch, "/api/v1/channels/musician", new { category = "music", title = "Jazz piano" })).Dispose();
        using var anonymous = host.CreateClient();

        var home = await anonymous.Http.GetStringAsync("/");
        var category = await anonymous.Http.GetStringAsync("/category/music");
        using var missing = await anonymous.Http.GetAsync("/category/nope");

        Assert.Contains("Live now", home, StringComparison.Ordinal);
        Assert.Contains("href=\"/category/science-technology\"", home, StringComparison.Ordinal);
        Assert.Contains("Jazz piano", category, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
    }
}
