using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Spectra.Server.Community.Recommendations;
using Spectra.Testing;
using static Spectra.IntegrationTests.Community.CommunityTestSupport;

namespace Spectra.IntegrationTests.Community;

public sealed class RecommendationsTests
{
    [Theory]
    [MemberData(nameof(Databases), MemberType = typeof(CommunityTestSupport))]
    public async Task Recommend_CoFollowed_ExplainedAndNeverFollowedOrBlocked(DatabaseKind database)
    {
        await using var host = await SpectraHost.StartAsync(database);
        var chess = Unique("chess");
        var go = Unique("go");
        var shogi = Unique("shogi");
        foreach (var name in new[] { chess, go, shogi })
        {
            using var _ = await host.SignUpAsync(name);
        }

        // Three fans follow all three board-game channels; the user follows only chess.
        for (var i = 0; i < 3; i++)
        {
            using var fan = await host.SignUpAsync(Unique("fan"));
            foreach (var name in new[] { chess, go, shogi })
            {
                await fan.PutAsync($"/api/v1/channels/{name}/follow", null);
            }
        }

        using var user = await host.SignUpAsync(Unique("user"));
        await user.PutAsync($"/api/v1/channels/{chess}/follow", null);
        await user.PutAsync($"/api/v1/users/{shogi}/block", null);
        await host.Services.GetRequiredService<RecommendationModelHost>().RebuildAsync(CancellationToken.None);

        var picks = (await user.GetFromJsonAsync<JsonElement>("/api/v1/recommendations?count=10")).EnumerateArray().ToList();

        Assert.Equal(go, picks[0].GetProperty("name").GetString());
        Assert.Equal($"Because you follow {chess}", picks[0].GetProperty("explanation").GetString());
        Assert.DoesNotContain(picks, p => p.GetProperty("name").GetString() == chess);
        Assert.DoesNotContain(picks, p => p.GetProperty("name").GetString() == shogi);
        var home = await user.GetStringAsync("/");
        Assert.Contains("Recommended for you", home, StringComparison.Ordinal);
        Assert.Contains($"Because you follow {chess}", home, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Recommend_Anonymous_ColdStartByPopularity()
    {
        await using var host = await SpectraHost.StartAsync(DatabaseKind.Sqlite);
        var popular = Unique("popular");
        using var _ = await host.SignUpAsync(popular);
        using var quiet = await host.SignUpAsync(Unique("quiet"));
        for (var i = 0; i < 2; i++)
        {
            using var fan = await host.SignUpAsync(Unique("fan"));
            await fan.PutAsync($"/api/v1/channels/{popular}/follow", null);
        }

        await host.Services.GetRequiredService<RecommendationModelHost>().RebuildAsync(CancellationToken.None);
        using var anonymous = host.CreateClient();

        var picks = await anonymous.GetFromJsonAsync<JsonElement>("/api/v1/recommendations");

        Assert.Equal(popular, picks[0].GetProperty("name").GetString());
        Assert.Equal("popular", picks[0].GetProperty("reason").GetString());
    }
}
