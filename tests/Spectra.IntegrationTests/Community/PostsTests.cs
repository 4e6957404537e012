using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Spectra.Server.Community.Posts;
using Spectra.Testing;
using static Spectra.IntegrationTests.Community.CommunityTestSupport;

namespace Spectra.IntegrationTests.Community;

public sealed class PostsTests
{
    [Theory]
    [MemberData(nameof(Databases), MemberType = typeof(CommunityTestSupport))]
    public async Task Post_Markdown_RenderedSafelyOnChannelAndInFollowersFeed(DatabaseKind database)
    {
        await using var host = await SpectraHost.StartAsync(database);
        var alice = Unique("alice");
        using var aliceClient = await host.SignUpAsync(alice);
        using var bob = await host.SignUpAsync(Unique("bob"));
        using var carol = await host.SignUpAsync(Unique("carol"));
        await bob.PutAsync($"/api/v1/channels/{alice}/follow", null);

        var response = await aliceClient.PostAsJsonAsync("/api/v1/me/posts", new { markdown = "**Big** news <script>alert('x')</script> [site](javascript:alert(1))" });

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var page = await aliceClient.GetStringAsync("/" + alice);
        Assert.Contains("<strong>Big</strong> news", page, StringComparison.Ordinal);
        Assert.DoesNotContain("<script>alert('x')", page, StringComparison.Ordinal);
        Assert.DoesNotContain("javascript:alert", page, StringComparison.Ordinal);
        var feed = await bob.GetFromJsonAsync<JsonElement>("/api/v1/me/feed");
        Assert.Equal(alice, feed[0].GetProperty("channelName").GetString());
        Assert.Equal(0, (await carol.GetFromJsonAsync<JsonElement>("/api/v1/me/feed")).GetArrayLength());
        Assert.Contains("<strong>Big</strong>", await bob.GetStringAsync("/feed"), StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Databases), MemberType = typeof(CommunityTestSupport))]
    public async Task Post_TooLongOrEmpty_RefusedNothingStored(DatabaseKind database)
    {
        await using var host = await SpectraHost.StartAsync(database);
        var alice = Unique("alice");
        using var client = await host.SignUpAsync(alice);

        var huge = await client.PostAsJsonAsync("/api/v1/me/posts", new { markdown = new string('a', PostMarkdown.MaxLength + 1) });
        var empty = await client.PostAsJsonAsync("/api/v1/me/posts", new { markdown = "   " });

        Assert.Equal(HttpStatusCode.BadRequest, huge.StatusCode);
        Assert.Contains("longer than 2000", await huge.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, empty.StatusCode);
        Assert.Equal(0, (await client.GetFromJsonAsync<JsonElement>($"/api/v1/channels/{alice}/posts")).GetArrayLength());
    }

    [Fact]
    public async Task Delete_OthersPost_NotFound()
    {
        await using var host = await SpectraHost.StartAsync(DatabaseKind.Sqlite);
        using var alice = await host.SignUpAsync(Unique("alice"));
        using var bob = await host.SignUpAsync(Unique("bob"));
        var created = await (await alice.PostAsJsonAsync("/api/v1/me/posts", new { markdown = "hello" })).Content.ReadFromJsonAsync<JsonElement>();

        var response = await bob.DeleteAsync($"/api/v1/me/posts/{created.GetProperty("id").GetGuid()}");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }
}
