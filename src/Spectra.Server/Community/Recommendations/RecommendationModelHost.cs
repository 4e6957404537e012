using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Spectra.Data;
using Spectra.Data.Entities.Channels;
using Spectra.Data.Entities.Community;

namespace Spectra.Server.Community.Recommendations;

/// <summary>
/// Rebuilds the item–item model and popularity on a schedule (<see cref="CommunityOptions.RecommendationRefreshMinutes"/>)
/// from follows (weight 1) and watch history (0.2 + 0.6 × min(1, hours watched)), and holds the
/// current <see cref="RecommendationSnapshot"/>. Readers never wait for a rebuild.
/// </summary>
internal sealed class RecommendationModelHost(IServiceScopeFactory scopes, IOptions<CommunityOptions> options, TimeProvider clock, ILogger<RecommendationModelHost> logger)
    : BackgroundService
{
    /// <summary>Channels kept in the popular pool overall, and per category.</summary>
    public const int PoolSize = 200;
    public const int PoolPerCategory = 20;

    private readonly SemaphoreSlim _rebuild = new(1, 1);
    private volatile RecommendationSnapshot _current = RecommendationSnapshot.Empty;

    public RecommendationSnapshot Current => _current;

    public static double WatchWeight(int watchSeconds) => 0.2 + (0.6 * Math.Min(1.0, watchSeconds / 3600.0));

    public async Task RebuildAsync(CancellationToken ct)
    {
        await _rebuild.WaitAsync(ct);
        try
        {
            var started = Stopwatch.GetTimestamp();
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<SpectraDbContext>();
            var follows = await db.Set<Follow>().AsNoTracking().Select(f => new { f.FollowerId, f.ChannelId }).ToListAsync(ct);
            var watched = await db.Set<WatchHistoryEntry>().AsNoTracking().Select(w => new { w.UserId, w.ChannelId, w.WatchSeconds }).ToListAsync(ct);
            var channels = await db.Set<Channel>().AsNoTracking().Select(c => new { c.Id, c.CategoryId }).ToListAsync(ct);

            var users = new Dictionary<Guid, List<Interaction>>();
            foreach (var f in follows)
            {
                Profile(users, f.FollowerId).Add(new Interaction(f.ChannelId, 1.0, InteractionKind.Follow));
            }

            foreach (var w in watched)
            {
                Profile(users, w.UserId).Add(new Interaction(w.ChannelId, WatchWeight(w.WatchSeconds), InteractionKind.Watch));
            }

            var model = new ItemItemModelBuilder().Build(users.Values, clock.GetUtcNow().UtcDateTime);

            var followerCounts = new Dictionary<Guid, int>();
            foreach (var f in follows)
            {
                followerCounts[f.ChannelId] = followerCounts.GetValueOrDefault(f.ChannelId) + 1;
            }

            var maxFollowers = followerCounts.Count == 0 ? 0 : followerCounts.Values.Max();
            var candidates = new Dictionary<Guid, CandidateChannel>(channels.Count);
            foreach (var c in channels)
            {
                candidates[c.Id] = new CandidateChannel(c.Id, c.CategoryId, RecommendationBlender.Popularity(followerCounts.GetValueOrDefault(c.Id), 0, maxFollowers, 0));
            }

            var byPopularity = candidates.Values.OrderByDescending(c => c.Popularity).ThenBy(c => c.ChannelId).ToList();
            var pool = new HashSet<Guid>(byPopularity.Take(PoolSize).Select(c => c.ChannelId));
            foreach (var group in byPopularity.Where(c => c.CategoryId is not null).GroupBy(c => c.CategoryId))
            {
                pool.UnionWith(group.Take(PoolPerCategory).Select(c => c.ChannelId));
            }

            _current = new RecommendationSnapshot(model, candidates, [.. pool], model.BuiltAt);
            CommunityLog.ModelBuilt(logger, candidates.Count, users.Count, (long)Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        }
        finally
        {
            _rebuild.Release();
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var interval = TimeSpan.FromMinutes(options.Value.RecommendationRefreshMinutes);
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await RebuildAsync(stoppingToken);
                await Task.Delay(interval, clock, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                CommunityLog.BackgroundFailed(logger, ex, "recommendation model");
                try
                {
                    await Task.Delay(TimeSpan.FromSeconds(30), clock, stoppingToken);
                }
                catch (OperationCanceledException)
                {
                    return;
                }
            }
        }
    }

    private static List<Interaction> Profile(Dictionary<Guid, List<Interaction>> users, Guid userId)
    {
        if (!users.TryGetValue(userId, out var list))
        {
            users[userId] = list = [];
        }

        return list;
    }
}
