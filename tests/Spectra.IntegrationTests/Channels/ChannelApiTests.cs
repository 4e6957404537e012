using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Spectra.Data;
using Spectra.Testing;

namespace Spectra.IntegrationTests.Channels;

public sealed class ChannelApiTests
{
    [Theory]
    [InlineData(DatabaseKind.Sqlite)]
    [InlineData(DatabaseKind.Postgres)]
    public async Task Patch_OwnChannel_UpdatesAllFields(DatabaseKind database)
    {
        await using var host = await SpectraHost.StartAsync(database);
        using var owner = await host.SignUpAsync("painter");

        using var response = await owner.SendJsonAsync(HttpMethod.Patch, "/api/v1/channels/painter",
            new { title = "Oil on canvas", category = "art", tags = new[] { "Oil", "painting", "oil" }, description = "Sundays." });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var json = JsonDocument.Parse(await owner.Http.GetStringAsync("/api/v1/channels/PAINTER"));
        Assert.Equal("Oil on canvas", json.RootElement.GetProperty("title").GetString());
        Assert.Equal("art", json.RootElement.GetProperty("category").GetProperty("slug").GetString());
        Assert.Equal(new[] { "oil", "painting" }, json.RootElement.GetProperty("tags").EnumerateArray().Select(t => t.GetString()!).ToArray());
        Assert.Equal("Sundays.", json.RootElement.GetProperty("description").GetString());
    }

    [Theory]
    [InlineData(DatabaseKind.Sqlite)]
    [InlineData(DatabaseKind.Postgres)]
    public async Task Patch_SomeoneElsesChannel_IsForbiddenAndChangesNothing(DatabaseKind database)
    {
        await using var host = await SpectraHost.StartAsync(database);
        using var owner = await host.SignUpAsync("victim");
        using var other = await host.SignUpAsync("intruder");

        using var response = await other.SendJsonAsync(HttpMethod.Patch, "/api/v1/channels/victim", new { title = "pwned" });

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("Not your channel", problem.GetProperty("title").GetString());
        Assert.Equal("victim's channel", (await owner.Http.GetFromJsonAsync<JsonElement>("/api/v1/channels/victim")).GetProperty("title").GetString());
    }

    [Fact]
    public async Task Patch_InvalidFields_ReturnsValidationProblemAndStoresNothing()
    {
        await using var host = await SpectraHost.StartAsync();
        using var owner = await host.SignUpAsync("careful");

        using var response = await owner.SendJsonAsync(HttpMethod.Patch, "/api/v1/channels/careful", new
        {
            title = new string('t', 141),
            category = "no-such-category",
            tags = Enumerable.Range(0, 11).Select(i => $"tag{i}").ToArray(),
            description = "valid description that must not be saved either",
        });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        var errors = problem.GetProperty("errors");
        Assert.True(errors.TryGetProperty("Title", out _));
        Assert.True(errors.TryGetProperty("Category", out _));
        Assert.True(errors.TryGetProperty("Tags", out _));
        var channel = await owner.Http.GetFromJsonAsync<JsonElement>("/api/v1/channels/careful");
        Assert.Equal("careful's channel", channel.GetProperty("title").GetString());
        Assert.Equal("", channel.GetProperty("description").GetString());
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public async Task Patch_EmptyTitle_IsRejected(string title)
    {
        await using var host = await SpectraHost.StartAsync();
        using var owner = await host.SignUpAsync("emptytitle");

        using var response = await owner.SendJsonAsync(HttpMethod.Patch, "/api/v1/channels/emptytitle", new { title });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task Patch_MalformedJson_IsBadRequestProblem()
    {
        await using var host = await SpectraHost.StartAsync();
        using var owner = await host.SignUpAsync("jsonfan");
        using var request = new HttpRequestMessage(HttpMethod.Patch, "/api/v1/channels/jsonfan")
        {
            Content = new StringContent("{\"title\": ", System.Text.Encoding.UTF8, "application/json"),
        };
        request.Headers.Add("X-CSRF-TOKEN", await owner.GetAntiforgeryTokenAsync());

        using var response = await owner.Http.SendAsync(request);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task Patch_WithCookieButWithoutCsrfHeader_IsRejected()
    {
        await using var host = await SpectraHost.StartAsync();
        using var owner = await host.SignUpAsync("csrfcheck");

        using var response = await owner.SendJsonAsync(HttpMethod.Patch, "/api/v1/channels/csrfcheck", new { title = "forged" }, includeToken: false);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("antiforgery", await response.Content.ReadAsStringAsync(), StringComparison.OrdinalIgnoreCase);
        Assert.Equal("csrfcheck's channel", (await owner.Http.GetFromJsonAsync<JsonElement>("/api/v1/channels/csrfcheck")).GetProperty("title").GetString());
    }

    [Fact]
    public async Task Patch_Anonymous_IsUnauthorized()
    {
        await using var host = await SpectraHost.StartAsync();
        (await host.SignUpAsync("target")).Dispose();
        using var anonymous = host.CreateClient();

        using var response = await anonymous.Http.PatchAsJsonAsync("/api/v1/channels/target", new { title = "x" });

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task Get_UnknownChannel_IsNotFoundProblem()
    {
        await using var host = await SpectraHost.StartAsync();
        using var client = host.CreateClient();

        using var response = await client.Http.GetAsync("/api/v1/channels/nobody_here");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Categories_AreSeeded()
    {
        await using var host = await SpectraHost.StartAsync();
        using var client = host.CreateClient();

        var categories = await client.Http.GetFromJsonAsync<JsonElement>("/api/v1/categories");

        var names = categories.EnumerateArray().Select(c => c.GetProperty("name").GetString()).ToList();
        Assert.Equal(25, names.Count);
        Assert.Contains("Science & Technology", names);
        Assert.Contains("Just Chatting", names);
        Assert.Contains(categories.EnumerateArray(), c => c.GetProperty("slug").GetString() == "science-technology");
    }

    [Fact]
    public async Task List_FiltersByCategory()
    {
        await using var host = await SpectraHost.StartAsync();
        using var gamer = await host.SignUpAsync("gamer");
        using var cook = await host.SignUpAsync("cook");
        (await gamer.SendJsonAsync(HttpMethod.Patch, "/api/v1/channels/gamer", new { category = "games" })).Dispose();
        (await cook.SendJsonAsync(HttpMethod.Patch, "/api/v1/channels/cook", new { category = "food" })).Dispose();

        var games = await gamer.Http.GetFromJsonAsync<JsonElement>("/api/v1/channels?category=games");

        Assert.Equal(new[] { "gamer" }, games.EnumerateArray().Select(c => c.GetProperty("name").GetString()!).ToArray());
    }

    [Theory]
    [InlineData(DatabaseKind.Sqlite)]
    [InlineData(DatabaseKind.Postgres)]
    public async Task Lists_PageNumberThatOverflowsTheOffset_EmptyPageNotAnError(DatabaseKind database)
    {
        await using var host = await SpectraHost.StartAsync(database);
        using var owner = await host.SignUpAsync("pagedaway");
        using var client = host.CreateClient();

        using var channels = await client.Http.GetAsync("/api/v1/channels?page=2147483647&pageSize=100");
        using var directory = await client.Http.GetAsync("/api/v1/discover/directory?page=2147483647&pageSize=50");

        Assert.Equal(HttpStatusCode.OK, channels.StatusCode);
        Assert.Equal(0, (await channels.Content.ReadFromJsonAsync<JsonElement>()).GetArrayLength());
        Assert.Equal(HttpStatusCode.OK, directory.StatusCode);
        Assert.Equal(0, (await directory.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("channels").GetArrayLength());
    }
}
