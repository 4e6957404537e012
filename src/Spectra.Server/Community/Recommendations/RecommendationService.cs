using Microsoft.EntityFrameworkCore;
using Spectra.Data;
using Spectra.Data.Entities.Channels;
using Spectra.Data.Entities.Chat;
using Spectra.Data.Entities.Community;

namespace Spectra.Server.Community.Recommendations;

/// <summary>"Recommended for you": the user's profile and exclusions from the database, the model from the host.</summary>
internal sealed class RecommendationService(SpectraDbContext db, RecommendationModelHost host, ILiveChannelDirectory live)
{
    public const int MaxCount = 50;

    /// <summary>Recommendations for a user, or cold start when <paramref name="userId"/> is null.</summary>
    public async Task<IReadOnlyList<RecommendedChannel>> RecommendAsync(Guid? userId, int count, CancellationToken ct)
    {
        count = Math.Clamp(count, 1, MaxCount);
        var snapshot = host.Current;
        var profile = new List<Interaction>();
        var excluded = new HashSet<Guid>();
        if (userId is Guid id)
        {
            var followed = await db.Set<Follow>().AsNoTracking().Where(f => f.FollowerId == id).Select(f => f.ChannelId).ToListAsync(ct);
            foreach (var channelId in followed)
            {
                profile.Add(new Interaction(channelId, 1.0, InteractionKind.Follow));
                excluded.Add(channelId);
            }

            var watched = await db.Set<WatchHistoryEntry>().AsNoTracking()
                .Where(w => w.UserId == id)
                .OrderByDescending(w => w.LastWatchedAt).Take(200)
                .Select(w => new { w.ChannelId, w.WatchSeconds }).ToListAsync(ct);
            foreach (var w in watched)
            {
                profile.Add(new Interaction(w.ChannelId, RecommendationModelHost.WatchWeight(w.WatchSeconds), InteractionKind.Watch));
            }

            // Hidden: the user's own channel and channels of users blocked either way. Asked as two
            // index lookups (blocks by blocker, by blocked; channels by owner) rather than a
            // correlated EXISTS per channel, which scans the whole catalogue.
            var hiddenOwners = await db.Set<UserBlock>().AsNoTracking()
                .Where(b => b.BlockerId == id || b.BlockedId == id)
                .Select(b => b.BlockerId == id ? b.BlockedId : b.BlockerId)
                .ToListAsync(ct);
            hiddenOwners.Add(id);
            var hidden = await db.Set<Channel>().AsNoTracking().Where(c => hiddenOwners.Contains(c.OwnerId)).Select(c => c.Id).ToListAsync(ct);
            excluded.UnionWith(hidden);
        }

        var picks = new RecommendationBlender().Recommend(profile, snapshot.Model, snapshot.Channels, snapshot.PopularPool, excluded, count);
        var ids = picks.Select(p => p.ChannelId)
            .Concat(picks.Where(p => p.BecauseOfChannelId is not null).Select(p => p.BecauseOfChannelId!.Value))
            .Distinct().ToArray();
        var channels = await db.Set<Channel>().AsNoTracking()
            .Where(c => ids.Contains(c.Id))
            .Select(c => new { c.Id, c.Owner.UserName, c.Title, Category = c.Category == null ? null : c.Category.Name })
            .ToDictionaryAsync(c => c.Id, ct);
        var categoryIds = picks.Where(p => p.BecauseOfCategoryId is not null).Select(p => p.BecauseOfCategoryId!.Value).Distinct().ToArray();
        var categories = await db.Set<Category>().AsNoTracking().Where(c => categoryIds.Contains(c.Id)).ToDictionaryAsync(c => c.Id, c => c.Name, ct);

        var result = new List<RecommendedChannel>(picks.Count);
        foreach (var p in picks)
        {
            if (!channels.TryGetValue(p.ChannelId, out var c))
            {
                continue; // Deleted since the snapshot.
            }

            string? because = p.BecauseOfChannelId is Guid b && channels.TryGetValue(b, out var source) ? source.UserName : null;
            var explanation = p.Reason switch
            {
                RecommendationReasonKind.BecauseYouFollow when because is not null => $"Because you follow {because}",
                RecommendationReasonKind.BecauseYouWatched when because is not null => $"Because you watched {because}",
                RecommendationReasonKind.PopularInCategory when p.BecauseOfCategoryId is int cat && categories.TryGetValue(cat, out var name) => $"Popular in {name}",
                _ => "Popular on Spectra",
            };
            var isLive = live.TryGet(c.Id, out var l);
            result.Add(new RecommendedChannel(
                c.Id, c.UserName, c.Title, c.Category, isLive, isLive ? l.Viewers : 0,
                ReasonName(p.Reason), explanation, because ?? (p.BecauseOfCategoryId is int k ? categories.GetValueOrDefault(k) : null)));
        }

        return result;
    }

    private static string ReasonName(RecommendationReasonKind kind) => kind switch
    {
        RecommendationReasonKind.BecauseYouFollow => "follow",
        RecommendationReasonKind.BecauseYouWatched => "watched",
        RecommendationReasonKind.PopularInCategory => "category",
        _ => "popular",
    };
}
