namespace Spectra.Server.Community.Recommendations;

/// <summary>
/// Blends three signals into one score per candidate:
/// collaborative (Σ over the user's channels of weight × similarity, divided by the best candidate's
/// value so it lies in 0–1) × <see cref="CollaborativeWeight"/>, plus the share of the user's channels
/// in the candidate's category × <see cref="CategoryWeight"/>, plus popularity (0–1) ×
/// <see cref="PopularityWeight"/>. With no interactions (anonymous or new users) only popularity
/// counts. Followed, blocked and own channels are never returned.
/// </summary>
internal sealed class RecommendationBlender
{
    public double CollaborativeWeight { get; init; } = 1.0;

    public double CategoryWeight { get; init; } = 0.3;

    public double PopularityWeight { get; init; } = 0.15;

    /// <param name="profile">The user's interactions (empty for cold start).</param>
    /// <param name="model">Item–item neighbours.</param>
    /// <param name="channels">Known channels by id: category and popularity; also the cold-start pool.</param>
    /// <param name="popularPool">Channels considered besides the collaborative ones: the most popular
    /// overall and per category, so cold start and category affinity have something to pick from.</param>
    /// <param name="excluded">Channels never to recommend (followed, blocked either way, own).</param>
    public IReadOnlyList<Recommendation> Recommend(
        IReadOnlyList<Interaction> profile,
        ItemItemModel model,
        IReadOnlyDictionary<Guid, CandidateChannel> channels,
        IEnumerable<Guid> popularPool,
        IReadOnlySet<Guid> excluded,
        int count)
    {
        var collaborative = new Dictionary<Guid, (double Score, Guid BestSource, double BestContribution, InteractionKind Kind)>();
        var categoryCounts = new Dictionary<int, double>();
        var totalWeight = 0.0;
        foreach (var interaction in profile)
        {
            totalWeight += interaction.Weight;
            if (channels.TryGetValue(interaction.ChannelId, out var source) && source.CategoryId is int category)
            {
                categoryCounts[category] = categoryCounts.GetValueOrDefault(category) + interaction.Weight;
            }

            foreach (var neighbour in model.For(interaction.ChannelId))
            {
                if (excluded.Contains(neighbour.ChannelId))
                {
                    continue;
                }

                var contribution = interaction.Weight * neighbour.Similarity;
                if (collaborative.TryGetValue(neighbour.ChannelId, out var current))
                {
                    var better = contribution > current.BestContribution;
                    collaborative[neighbour.ChannelId] = (
                        current.Score + contribution,
                        better ? interaction.ChannelId : current.BestSource,
                        better ? contribution : current.BestContribution,
                        better ? interaction.Kind : current.Kind);
                }
                else
                {
                    collaborative[neighbour.ChannelId] = (contribution, interaction.ChannelId, contribution, interaction.Kind);
                }
            }
        }

        var maxCollaborative = 0.0;
        foreach (var value in collaborative.Values)
        {
            maxCollaborative = Math.Max(maxCollaborative, value.Score);
        }

        var pool = new HashSet<Guid>(collaborative.Keys);
        pool.UnionWith(popularPool);
        var results = new List<Recommendation>();
        foreach (var id in pool)
        {
            if (excluded.Contains(id) || !channels.TryGetValue(id, out var channel))
            {
                continue;
            }

            var affinity = totalWeight > 0 && channel.CategoryId is int category
                ? categoryCounts.GetValueOrDefault(category) / totalWeight
                : 0;
            var score = (affinity * CategoryWeight) + (channel.Popularity * PopularityWeight);
            var reason = affinity > 0 ? RecommendationReasonKind.PopularInCategory : RecommendationReasonKind.Popular;
            Guid? because = null;
            if (collaborative.TryGetValue(channel.ChannelId, out var cf) && maxCollaborative > 0)
            {
                score += cf.Score / maxCollaborative * CollaborativeWeight;
                reason = cf.Kind == InteractionKind.Follow ? RecommendationReasonKind.BecauseYouFollow : RecommendationReasonKind.BecauseYouWatched;
                because = cf.BestSource;
            }

            results.Add(new Recommendation(
                channel.ChannelId,
                score,
                reason,
                because,
                reason == RecommendationReasonKind.PopularInCategory ? channel.CategoryId : null));
        }

        results.Sort(static (a, b) =>
        {
            var byScore = b.Score.CompareTo(a.Score);
            return byScore != 0 ? byScore : a.ChannelId.CompareTo(b.ChannelId);
        });
        return results.Count > count ? results.GetRange(0, count) : results;
    }

    /// <summary>
    /// Popularity in 0–1 from follower count and current viewers: log-scaled against the largest
    /// channel so a handful of giants do not flatten everyone else to zero.
    /// </summary>
    public static double Popularity(int followers, int viewers, int maxFollowers, int maxViewers)
    {
        var f = maxFollowers > 0 ? Math.Log(1 + followers) / Math.Log(1 + maxFollowers) : 0;
        var v = maxViewers > 0 ? Math.Log(1 + viewers) / Math.Log(1 + maxViewers) : 0;
        return (0.6 * f) + (0.4 * v);
    }
}
