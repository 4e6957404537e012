using System.Net.Http.Json;
using System.Text.Json;
using Spectra.Testing;
using static Spectra.IntegrationTests.Community.CommunityTestSupport;

namespace Spectra.IntegrationTests.Community;

public sealed class DiscoveryTests
{
    [Theory]
    [MemberData(nameof(Databases), MemberType = typeof(CommunityTestSupport))]
    public async Task LiveNow_ByViewers_WithCategoryCountsTagFilterAndFollowedLive(DatabaseKind database)
    {
        await using var host = await SpectraHost.StartAsync(database, FastPresence);
        var busy = Unique("busy");
        var calm = Unique("calm");
        var offline = Unique("off");
        var category = "Puzzles" + Unique("x");
        using var busyClient = await host.SignUpAsync(busy);
        using var calmClient = await host.SignUpAsync(calm);
        using var offClient = await host.SignUpAsync(offline);
        await DescribeChannelAsync(host, busy, "Many viewers", category, "cozy");
        await DescribeChannelAsync(host, calm, "Few viewers", category);
        await DescribeChannelAsync(host, offline, "Sleeping", category, "cozy");
        await GoLiveAsync(host, busy);
        await GoLiveAsync(host, calm);
        using var viewer = await host.SignUpAsync(Unique("viewer"));
        await viewer.PutAsync($"/api/v1/channels/{calm}/follow", null);

        // Two anonymous viewers and one signed-in viewer have "busy" open, one has "calm" open. "calm" went
        // live last, so ordering by start time would put it first.
        await using var crowd = new ViewerCrowd(host);
        await crowd.JoinAsync(busy);
        await crowd.JoinAsync(busy);
        await crowd.JoinAsync(busy, viewer);
        await crowd.JoinAsync(calm, calmClient);
        await ViewerCrowd.WaitForViewersAsync(host, busy, 3);
        await ViewerCrowd.WaitForViewersAsync(host, calm, 1);

        var live = (await viewer.GetFromJsonAsync<JsonElement>("/api/v1/discover/live")).EnumerateArray().ToList();
        Assert.Equal([busy, calm], live.Select(l => l.GetProperty("name").GetString()));
        Assert.Equal(3, live[0].GetProperty("viewers").GetInt32());
        Assert.Equal(1, live[1].GetProperty("viewers").GetInt32());
        var liveApi = (await viewer.GetFromJsonAsync<JsonElement>("/api/v1/live")).EnumerateArray().ToList();
        Assert.Equal([busy, calm], liveApi.Select(l => l.GetProperty("name").GetString()));

        var categories = await viewer.GetFromJsonAsync<JsonElement>("/api/v1/discover/categories");
        var puzzles = categories.EnumerateArray().Single(c => c.GetProperty("name").GetString() == category);
        Assert.Equal(2, puzzles.GetProperty("liveChannels").GetInt32());
        Assert.Equal(3, puzzles.GetProperty("channels").GetInt32());

        var tagged = await viewer.GetFromJsonAsync<JsonElement>("/api/v1/discover/live?tag=cozy");
        Assert.Equal([busy], tagged.EnumerateArray().Select(l => l.GetProperty("name").GetString()));

        var directory = await viewer.GetFromJsonAsync<JsonElement>("/api/v1/discover/directory?tag=cozy");
        Assert.Equal([busy, offline], directory.GetProperty("channels").EnumerateArray().Select(c => c.GetProperty("name").GetString()));

        var followedLive = await viewer.GetFromJsonAsync<JsonElement>("/api/v1/me/following/live");
        Assert.Equal([calm], followedLive.EnumerateArray().Select(l => l.GetProperty("name").GetString()));

        var home = await viewer.GetStringAsync("/");
        Assert.Contains("Live now", home, StringComparison.Ordinal);
        var busyCard = home.IndexOf($"data-channel=\"{busy}\"", StringComparison.Ordinal);
        var calmCard = home.IndexOf($"data-channel=\"{calm}\"", StringComparison.Ordinal);
        Assert.InRange(busyCard, 0, calmCard - 1);
        Assert.Contains("data-viewers=\"3\">3 viewers<", home, StringComparison.Ordinal);
        Assert.Contains("data-viewers=\"1\">1 viewer<", home, StringComparison.Ordinal);
        Assert.Contains("Followed channels live", home, StringComparison.Ordinal);
        Assert.Contains($">{category}</a> <span class=\"community-muted\">2 live · 4 viewers</span>", home, StringComparison.Ordinal);
        var slug = puzzles.GetProperty("slug").GetString();
        var categoryPage = await viewer.GetStringAsync($"/category/{slug}");
        Assert.Contains($"href=\"/{offline}\"", categoryPage, StringComparison.Ordinal);

        await GoOfflineAsync(host, busy);
        Assert.Equal([calm], (await viewer.GetFromJsonAsync<JsonElement>("/api/v1/discover/live")).EnumerateArray().Select(l => l.GetProperty("name").GetString()));
    }
}
