using Spectra.Server.Community.Recommendations;
using Xunit.Abstractions;

namespace Spectra.Server.Tests.Community.Recommendations;

/// <summary>
/// Precision@5 of "Recommended" against held-out follows on <see cref="TasteClusterDataSet"/>.
/// Reference points for the threshold: a random pick among unfollowed channels scores about
/// 4/306 ≈ 0.013; a random pick among the unfollowed channels of the user's own cluster — perfect
/// knowledge of the clusters but no ranking — about 4/30 ≈ 0.13. We require 0.25, roughly twice that
/// oracle: the recommender must both find the cluster and rank its favourites first.
/// </summary>
public sealed class RecommendationQualityTests(ITestOutputHelper output)
{
    private const double Threshold = 0.25;

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void Recommend_PlantedClusters_PrecisionAt5ReachesThreshold(int seed)
    {
        var data = new TasteClusterDataSet(seed);
        var model = new ItemItemModelBuilder().Build(data.Users.Select(u => (IReadOnlyList<Interaction>)u.Training), DateTime.UtcNow);
        var blender = new RecommendationBlender();

        var precision = data.TestUsers.Average(user =>
        {
            var excluded = user.Training.Select(i => i.ChannelId).ToHashSet();
            var picks = blender.Recommend(user.Training, model, data.Channels, data.PopularPool, excluded, 5);
            return picks.Count(p => user.HeldOut.Contains(p.ChannelId)) / 5.0;
        });

        output.WriteLine($"precision@5 = {precision:0.000}");
        Assert.True(precision >= Threshold, $"precision@5 = {precision:0.000}");
    }

    [Fact]
    public void RandomRanking_PlantedClusters_StaysBelowThreshold()
    {
        var data = new TasteClusterDataSet(1);
        var random = new Random(7);
        var all = data.Channels.Keys.ToArray();

        var precision = data.TestUsers.Average(user =>
        {
            var excluded = user.Training.Select(i => i.ChannelId).ToHashSet();
            var picks = all.Where(id => !excluded.Contains(id)).OrderBy(_ => random.Next()).Take(5);
            return picks.Count(user.HeldOut.Contains) / 5.0;
        });

        output.WriteLine($"precision@5 = {precision:0.000}");
        Assert.True(precision < Threshold / 5, $"precision@5 = {precision:0.000}");
    }

    [Fact]
    public void PopularityOnly_PlantedClusters_StaysBelowThreshold()
    {
        var data = new TasteClusterDataSet(1);
        var blender = new RecommendationBlender();

        var precision = data.TestUsers.Average(user =>
        {
            var excluded = user.Training.Select(i => i.ChannelId).ToHashSet();
            var picks = blender.Recommend([], ItemItemModel.Empty, data.Channels, data.PopularPool, excluded, 5);
            return picks.Count(p => user.HeldOut.Contains(p.ChannelId)) / 5.0;
        });

        output.WriteLine($"precision@5 = {precision:0.000}");
        Assert.True(precision < Threshold, $"precision@5 = {precision:0.000}");
    }
}
