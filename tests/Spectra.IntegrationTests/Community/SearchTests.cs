using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Spectra.Data;
using Spectra.Data.Entities.Channels;
using Spectra.Server.Community.Search;
using Spectra.Testing;
using Spectra.Testing.Community;
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

    [Theory]
    [MemberData(nameof(Databases), MemberType = typeof(CommunityTestSupport))]
    public async Task Search_WordInCatalogue_NoTypoNeighbours_UnknownWordCorrected(DatabaseKind database)
    {
        await using var host = await SpectraHost.StartAsync(database);
        var (castle, cattle) = await TwoChannelsAsync(host, "ty");
        var tag = Unique("w")[1..];
        await DescribeChannelAsync(host, castle, $"castle{tag} tour");
        await DescribeChannelAsync(host, cattle, $"cattle{tag} tour");
        using var client = host.CreateClient();

        // "castle…" and "cattle…" are one edit apart (14 letters: two edits tolerated). A word the
        // catalogue has is taken as typed; a word it lacks is corrected to every neighbour in budget.
        Assert.Equal([castle], await SearchAsync(client, "castle" + tag));
        Assert.Equal([cattle], await SearchAsync(client, "cattle" + tag));
        Assert.Equal(new[] { castle, cattle }.Order(StringComparer.Ordinal), (await SearchAsync(client, "castxle" + tag)).Order(StringComparer.Ordinal));
    }

    [Theory]
    [MemberData(nameof(Databases), MemberType = typeof(CommunityTestSupport))]
    public async Task CatchUp_OneChannelEdited_ReindexesOnlyThatChannel(DatabaseKind database)
    {
        await using var host = await StartWithIndexIdleAsync(database);
        var index = host.Services.GetRequiredService<SearchIndexHost>();
        var (edited, untouched) = await TwoChannelsAsync(host, "inc");
        await DescribeChannelAsync(host, edited, "Capybara bathing");
        await DescribeChannelAsync(host, untouched, "Capybara grooming");
        Assert.Equal(0, await index.CatchUpAsync(CancellationToken.None));

        await RetitleAsync(host, edited, "Tapir bathing", DateTime.UtcNow);

        Assert.Equal(1, await index.CatchUpAsync(CancellationToken.None));
        Assert.Equal(0, await index.CatchUpAsync(CancellationToken.None));
        using var client = host.CreateClient();
        Assert.Equal([edited], await SearchAsync(client, "tapir"));
        Assert.Equal([untouched], await SearchAsync(client, "capybara"));
    }

    [Theory]
    [MemberData(nameof(Databases), MemberType = typeof(CommunityTestSupport))]
    public async Task CatchUp_EditStampedBeforeWatermarkWithinOverlap_IsReindexed(DatabaseKind database)
    {
        await using var host = await StartWithIndexIdleAsync(database);
        var index = host.Services.GetRequiredService<SearchIndexHost>();
        var (late, newest) = await TwoChannelsAsync(host, "late");
        await DescribeChannelAsync(host, newest, "Newest edit");
        await index.CatchUpAllAsync(CancellationToken.None);
        DateTime watermark;
        await using (var scope = host.Services.CreateAsyncScope())
        {
            var newestId = await host.ChannelIdAsync(newest);
            watermark = await scope.ServiceProvider.GetRequiredService<SpectraDbContext>().Set<Channel>().Where(c => c.Id == newestId).Select(c => c.UpdatedAt).SingleAsync();
        }

        // An edit that committed late, stamped 30 s before the newest UpdatedAt the last pass saw
        // (another node's lagging clock or a long transaction).
        await RetitleAsync(host, late, "Pangolin parade", watermark - TimeSpan.FromSeconds(30));

        Assert.Equal(1, await index.CatchUpAsync(CancellationToken.None));
        using var client = host.CreateClient();
        Assert.Equal([late], await SearchAsync(client, "pangolin"));
    }

    /// <summary>A host whose background index loop ran its start-up pass and then waits an hour: the test drives the passes.</summary>
    private static Task<SpectraHost> StartWithIndexIdleAsync(DatabaseKind database) =>
        SpectraHost.StartAsync(database, new Dictionary<string, string?> { ["Community:SearchIndexIntervalSeconds"] = "3600" });

    private static async Task<(string First, string Second)> TwoChannelsAsync(SpectraHost host, string prefix)
    {
        var names = (Unique(prefix), Unique(prefix));
        using (await host.SignUpAsync(names.Item1))
        using (await host.SignUpAsync(names.Item2))
        {
        }

        return names;
    }

    private static async Task RetitleAsync(SpectraHost host, string name, string title, DateTime updatedAt)
    {
        var id = await host.ChannelIdAsync(name);
        await using var scope = host.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<SpectraDbContext>();
        var channel = await db.Set<Channel>().SingleAsync(c => c.Id == id);
        channel.Title = title;
        channel.UpdatedAt = updatedAt;
        await db.SaveChangesAsync();
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

        await host.Services.GetRequiredService<SearchIndexHost>().CatchUpAllAsync(CancellationToken.None);
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
