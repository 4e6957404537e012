using Spectra.Server.Community.Recommendations;

namespace Spectra.Server.Tests.Community.Recommendations;

/// <summary>
/// A seeded synthetic community with planted taste clusters: every channel belongs to one cluster
/// (its category, except 20 % filed under a random other category), every user to one cluster.
/// A user follows 12 channels of their cluster — drawn with Zipf-like popularity, so some channels
/// are favourites — plus 2 channels anywhere (noise). For test users 4 in-cluster follows are held
/// out; the rest is the training data.
/// </summary>
internal sealed class TasteClusterDataSet
{
    public const int Clusters = 8;
    public const int ChannelsPerCluster = 40;
    public const int UsersPerCluster = 200;
    public const int InClusterFollows = 12;
    public const int NoiseFollows = 2;
    public const int HeldOut = 4;
    public const int TestUsersPerCluster = 25;

    public TasteClusterDataSet(int seed)
    {
        var random = new Random(seed);
        for (var c = 0; c < Clusters; c++)
        {
            for (var i = 0; i < ChannelsPerCluster; i++)
            {
                var id = Guid.NewGuid();
                var category = random.NextDouble() < 0.2 ? random.Next(Clusters) : c;
                Channels.Add(id, new CandidateChannel(id, category, 0));
                ChannelCluster[id] = c;
            }
        }

        var byCluster = Channels.Keys.GroupBy(id => ChannelCluster[id]).ToDictionary(g => g.Key, g => g.ToArray());
        var all = Channels.Keys.ToArray();
        for (var c = 0; c < Clusters; c++)
        {
            var members = byCluster[c];
            var weights = members.Select((_, rank) => 1.0 / (rank + 1)).ToArray();
            for (var u = 0; u < UsersPerCluster; u++)
            {
                var follows = new List<Guid>();
                while (follows.Count < InClusterFollows)
                {
                    var pick = members[WeightedIndex(random, weights)];
                    if (!follows.Contains(pick))
                    {
                        follows.Add(pick);
                    }
                }

                var noise = new List<Guid>();
                while (noise.Count < NoiseFollows)
                {
                    var pick = all[random.Next(all.Length)];
                    if (!follows.Contains(pick) && !noise.Contains(pick))
                    {
                        noise.Add(pick);
                    }
                }

                var isTest = u < TestUsersPerCluster;
                var heldOut = isTest ? follows.OrderBy(_ => random.Next()).Take(HeldOut).ToHashSet() : [];
                var training = follows.Where(f => !heldOut.Contains(f)).Concat(noise)
                    .Select(f => new Interaction(f, 1.0, InteractionKind.Follow)).ToList();
                Users.Add(new User(c, training, heldOut));
            }
        }

        var followerCounts = Users.SelectMany(u => u.Training).GroupBy(i => i.ChannelId).ToDictionary(g => g.Key, g => g.Count());
        var max = followerCounts.Values.Max();
        foreach (var id in all)
        {
            Channels[id] = Channels[id] with
            {
                Popularity = RecommendationBlender.Popularity(followerCounts.GetValueOrDefault(id), 0, max, 0),
            };
        }

        PopularPool = [.. all.OrderByDescending(id => Channels[id].Popularity).Take(100)];
    }

    public Dictionary<Guid, CandidateChannel> Channels { get; } = [];

    public Dictionary<Guid, int> ChannelCluster { get; } = [];

    public List<User> Users { get; } = [];

    public IReadOnlyList<Guid> PopularPool { get; }

    public IEnumerable<User> TestUsers => Users.Where(u => u.HeldOut.Count > 0);

    private static int WeightedIndex(Random random, double[] weights)
    {
        var target = random.NextDouble() * weights.Sum();
        for (var i = 0; i < weights.Length; i++)
        {
            target -= weights[i];
            if (target <= 0)
            {
                return i;
            }
        }

        return weights.Length - 1;
    }

    public sealed record User(int Cluster, List<Interaction> Training, HashSet<Guid> HeldOut);
}
