namespace Spectra.Server.Community.Recommendations;

/// <summary>
/// Builds the item–item model from every user's interactions: weighted cosine similarity between the
/// channels' user vectors, shrunk by n/(n + shrinkage) where n is the number of users who have both,
/// so a pair seen together once does not look as similar as a pair seen together by hundreds.
/// Cost is the sum over users of (items per user)², bounded by <see cref="MaxItemsPerUser"/>.
/// </summary>
internal sealed class ItemItemModelBuilder
{
    /// <summary>Neighbours kept per channel (default 50).</summary>
    public int MaxNeighbours { get; init; } = 50;

    /// <summary>A user's strongest interactions used for co-occurrence (default 200) — bounds a 500-follow user.</summary>
    public int MaxItemsPerUser { get; init; } = 200;

    /// <summary>Shrinkage constant in users (default 3).</summary>
    public double Shrinkage { get; init; } = 3;

    public ItemItemModel Build(IEnumerable<IReadOnlyList<Interaction>> users, DateTime builtAt)
    {
        var index = new Dictionary<Guid, int>();
        var ids = new List<Guid>();
        var norms = new List<double>();
        var pairs = new List<Dictionary<int, (double Dot, int Count)>>();

        int IndexOf(Guid id)
        {
            if (!index.TryGetValue(id, out var i))
            {
                i = ids.Count;
                index[id] = i;
                ids.Add(id);
                norms.Add(0);
                pairs.Add([]);
            }

            return i;
        }

        var buffer = new List<(int Item, double Weight)>();
        foreach (var user in users)
        {
            buffer.Clear();
            foreach (var interaction in Strongest(user))
            {
                buffer.Add((IndexOf(interaction.ChannelId), interaction.Weight));
            }

            for (var a = 0; a < buffer.Count; a++)
            {
                var (itemA, weightA) = buffer[a];
                norms[itemA] += weightA * weightA;
                for (var b = a + 1; b < buffer.Count; b++)
                {
                    var (itemB, weightB) = buffer[b];
                    var product = weightA * weightB;
                    Accumulate(pairs[itemA], itemB, product);
                    Accumulate(pairs[itemB], itemA, product);
                }
            }
        }

        var result = new Dictionary<Guid, SimilarChannel[]>(ids.Count);
        for (var i = 0; i < ids.Count; i++)
        {
            var list = new List<SimilarChannel>(pairs[i].Count);
            foreach (var (j, (dot, count)) in pairs[i])
            {
                var cosine = dot / Math.Sqrt(norms[i] * norms[j]);
                var similarity = cosine * count / (count + Shrinkage);
                list.Add(new SimilarChannel(ids[j], (float)similarity));
            }

            list.Sort(static (x, y) => y.Similarity.CompareTo(x.Similarity));
            if (list.Count > MaxNeighbours)
            {
                list.RemoveRange(MaxNeighbours, list.Count - MaxNeighbours);
            }

            if (list.Count > 0)
            {
                result[ids[i]] = [.. list];
            }
        }

        return new ItemItemModel(result, builtAt);
    }

    private IEnumerable<Interaction> Strongest(IReadOnlyList<Interaction> user)
    {
        // Merge duplicate channels (followed and watched): keep the larger weight.
        var merged = new Dictionary<Guid, double>();
        foreach (var interaction in user)
        {
            merged[interaction.ChannelId] = merged.TryGetValue(interaction.ChannelId, out var w)
                ? Math.Max(w, interaction.Weight)
                : interaction.Weight;
        }

        var ordered = merged.Select(static kv => new Interaction(kv.Key, kv.Value, InteractionKind.Follow));
        return merged.Count > MaxItemsPerUser
            ? ordered.OrderByDescending(static x => x.Weight).Take(MaxItemsPerUser)
            : ordered;
    }

    private static void Accumulate(Dictionary<int, (double Dot, int Count)> row, int other, double product)
    {
        row[other] = row.TryGetValue(other, out var current)
            ? (current.Dot + product, current.Count + 1)
            : (product, 1);
    }
}
