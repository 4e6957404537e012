using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Spectra.Testing;
using static Spectra.IntegrationTests.Community.CommunityTestSupport;

namespace Spectra.IntegrationTests.Community;

public sealed class SearchTests
{
    private static async Task<List<string>> SearchAsync(TestClient client, string q)
    {
        var results = await client.GetFromJsonAsync<JsonElement>($"/api/v1/search?q={Uri.EscapeDataString(q)}");
        return results.EnumerateArray().Select(r => r.GetProperty("name").GetString()!).ToList();
    }

    [Theory]
    [MemberData(nameof(Databases), MemberType = typeof(CommunityTestSupport))]
    public async Task Search_Ranking_ExactThenPrefixThenWordsWithLiveBoostAndTypos(DatabaseKind database)
    {
        await using var host = await SpectraHost.StartAsync(database);
        var tag = Unique("q");
        var exact = "zorblax" + tag;
        var prefixed = exact + "fan";
        var titled = Unique("t");
        var liveTitled = Unique("l");
        var categorised = Unique("c");
        foreach (var name in new[] { exact, prefixed, titled, liveTitled, categorised })
        {
            using var _ = await host.SignUpAsync(name);
        }

        await DescribeChannelAsync(host, exact, "Something else entirely");
        await DescribeChannelAsync(host, prefixed, "Fan channel");
        await DescribeChannelAsync(host, titled, $"All about {exact} strategies", null, "cozy");
        await DescribeChannelAsync(host, liveTitled, $"{exact} marathon", null);
        await DescribeChannelAsync(host, categorised, "Building castles", "Minecraft" + tag, "speedrun");
        await GoLiveAsync(host, liveTitled);
        using var client = host.CreateClient();

        Assert.Equal([exact, prefixed, liveTitled, titled], await SearchAsync(client, exact));
        Assert.Equal([categorised], await SearchAsync(client, "minecraft" + tag));
        Assert.Contains(categorised, await SearchAsync(client, "building castle"));

        // One typo in a 7+ letter word still finds it; a missing letter in the middle too.
        Assert.Contains(categorised, await SearchAsync(client, "castels building"));
        Assert.Contains(titled, await SearchAsync(client, "strategeis " + exact));
    }

    [Theory]
    [MemberData(nameof(Databases), MemberType = typeof(CommunityTestSupport))]
    public async Task Search_TitleEdited_IndexFollows(DatabaseKind database)
    {
        await using var host = await SpectraHost.StartAsync(database);
        var name = Unique("edit");
        using var _ = await host.SignUpAsync(name);
        await DescribeChannelAsync(host, name, "Quokka racing");
        using var client = host.CreateClient();
        Assert.Equal([name], await SearchAsync(client, "quokka"));

        await DescribeChannelAsync(host, name, "Wombat racing");

        Assert.Empty(await SearchAsync(client, "quokka"));
        Assert.Equal([name], await SearchAsync(client, "wombat"));
    }

    [Fact]
    public async Task Suggest_Prefix_ReturnsAtMostEight()
    {
        await using var host = await SpectraHost.StartAsync(DatabaseKind.Sqlite);
        var prefix = Unique("sg");
        for (var i = 0; i < 10; i++)
        {
            using var _ = await host.SignUpAsync(prefix + i);
        }

        await host.Services.GetRequiredService<Spectra.Server.Community.Search.SearchIndexHost>().CatchUpAllAsync(CancellationToken.None);
        using var client = host.CreateClient();

        var results = await client.GetFromJsonAsync<JsonElement>($"/api/v1/search/suggest?q={prefix}");

        Assert.Equal(8, results.GetArrayLength());
        Assert.All(results.EnumerateArray(), r => Assert.StartsWith(prefix, r.GetProperty("name").GetString(), StringComparison.Ordinal));
    }

    [Fact]
    public async Task SearchPage_Query_RendersResultsAndHeaderBox()
    {
        await using var host = await SpectraHost.StartAsync(DatabaseKind.Sqlite);
        var name = Unique("page");
        using var _ = await host.SignUpAsync(name);
        await DescribeChannelAsync(host, name, "Axolotl care");
        using var client = host.CreateClient();

        var html = await client.GetStringAsync("/search?q=axolotl");

        Assert.Contains($"href=\"/{name}\"", html, StringComparison.Ordinal);
        Assert.Contains("data-suggest=\"/api/v1/search/suggest\"", await client.GetStringAsync("/"), StringComparison.Ordinal);
    }
}
