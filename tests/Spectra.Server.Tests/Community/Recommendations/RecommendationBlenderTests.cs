using Spectra.Server.Community.Recommendations;

namespace Spectra.Server.Tests.Community.Recommendations;

public sealed class RecommendationBlenderTests
{
    private static readonly Guid A = Guid.NewGuid();
    private static readonly Guid B = Guid.NewGuid();
    private static readonly Guid C = Guid.NewGuid();
    private static readonly Guid D = Guid.NewGuid();

    private static Dictionary<Guid, CandidateChannel> Channels(double popularD = 0.1) => new()
    {
        [A] = new CandidateChannel(A, 1, 0.5),
        [B] = new CandidateChannel(B, 1, 0.2),
        [C] = new CandidateChannel(C, 2, 0.3),
        [D] = new CandidateChannel(D, 3, popularD),
    };

    private static ItemItemModel Model() => new ItemItemModelBuilder { Shrinkage = 0 }.Build(
        [
            [new(A, 1, InteractionKind.Follow), new(B, 1, InteractionKind.Follow)],
            [new(A, 1, InteractionKind.Follow), new(B, 1, InteractionKind.Follow)],
            [new(C, 1, InteractionKind.Follow), new(D, 1, InteractionKind.Follow)],
        ],
        DateTime.UtcNow);

    [Fact]
    public void Build_CoFollowedChannels_AreNeighbours()
    {
        var model = Model();

        Assert.Equal(B, model.For(A)[0].ChannelId);
        Assert.Equal(1f, model.For(A)[0].Similarity, 3);
        Assert.DoesNotContain(model.For(A), n => n.ChannelId == C);
    }

    [Fact]
    public void Build_Shrinkage_LowersRarePairs()
    {
        var model = new ItemItemModelBuilder { Shrinkage = 3 }.Build(
            [[new(A, 1, InteractionKind.Follow), new(B, 1, InteractionKind.Follow)]],
            DateTime.UtcNow);

        Assert.Equal(0.25f, model.For(A)[0].Similarity, 3);
    }

    [Fact]
    public void Recommend_FollowerOfA_GetsBExplainedByA()
    {
        var picks = new RecommendationBlender().Recommend(
            [new Interaction(A, 1, InteractionKind.Follow)], Model(), Channels(), [C, D], new HashSet<Guid> { A }, 3);

        Assert.Equal(B, picks[0].ChannelId);
        Assert.Equal(RecommendationReasonKind.BecauseYouFollow, picks[0].Reason);
        Assert.Equal(A, picks[0].BecauseOfChannelId);
    }

    [Fact]
    public void Recommend_WatchedOnly_ExplainsByWatch()
    {
        var picks = new RecommendationBlender().Recommend(
            [new Interaction(A, 0.5, InteractionKind.Watch)], Model(), Channels(), [], new HashSet<Guid>(), 3);

        var b = Assert.Single(picks, p => p.ChannelId == B);
        Assert.Equal(RecommendationReasonKind.BecauseYouWatched, b.Reason);
    }

    [Fact]
    public void Recommend_ExcludedChannels_NeverReturned()
    {
        var picks = new RecommendationBlender().Recommend(
            [new Interaction(A, 1, InteractionKind.Follow)], Model(), Channels(), [A, B, C, D], new HashSet<Guid> { A, B }, 10);

        Assert.DoesNotContain(picks, p => p.ChannelId == A || p.ChannelId == B);
        Assert.Equal(2, picks.Count);
    }

    [Fact]
    public void Recommend_ColdStart_OrdersByPopularity()
    {
        var picks = new RecommendationBlender().Recommend(
            [], Model(), Channels(popularD: 0.9), [A, B, C, D], new HashSet<Guid>(), 4);

        Assert.Equal([D, A, C, B], picks.Select(p => p.ChannelId));
        Assert.All(picks, p => Assert.Equal(RecommendationReasonKind.Popular, p.Reason));
    }

    [Fact]
    public void Recommend_CategoryAffinity_ExplainedByCategory()
    {
        var channels = Channels();
        var e = Guid.NewGuid();
        channels[e] = new CandidateChannel(e, 2, 0.0);
        var picks = new RecommendationBlender().Recommend(
            [new Interaction(C, 1, InteractionKind.Follow)], ItemItemModel.Empty, channels, [A, e], new HashSet<Guid> { C }, 2);

        Assert.Equal(e, picks[0].ChannelId);
        Assert.Equal(RecommendationReasonKind.PopularInCategory, picks[0].Reason);
        Assert.Equal(2, picks[0].BecauseOfCategoryId);
    }

    [Fact]
    public void Popularity_Bounds_AreZeroToOne()
    {
        Assert.Equal(0, RecommendationBlender.Popularity(0, 0, 100, 100));
        Assert.Equal(1, RecommendationBlender.Popularity(100, 100, 100, 100), 6);
    }
}
