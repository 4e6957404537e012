using Microsoft.EntityFrameworkCore;
using Spectra.Data;
using Spectra.Data.Entities.Channels;
using Spectra.Data.Entities.Community;
using Spectra.Server.Infrastructure;

namespace Spectra.Server.Community.Discovery;

/// <summary>Live now, followed-and-live, categories with live counts, category pages, tag filter and the directory.</summary>
internal sealed class DiscoveryService(SpectraDbContext db, ILiveChannelDirectory live)
{
    public const int MaxPageSize = 100;
    public const int MaxTagLength = 32;

    /// <summary>Live channels by viewers (desc), optionally of one category (slug) or carrying one tag.</summary>
    public async Task<IReadOnlyList<ChannelCard>> LiveNowAsync(string? categorySlug, string? tag, int take, CancellationToken ct)
    {
        var snapshot = live.GetLiveChannels().ToDictionary(l => l.ChannelId);
        if (snapshot.Count == 0)
        {
            return [];
        }

        var cards = await CardsAsync(snapshot.Keys.ToArray(), categorySlug, tag, snapshot, ct);
        return cards.OrderByDescending(c => c.Viewers).ThenBy(c => c.Name, StringComparer.Ordinal).Take(Math.Clamp(take, 1, MaxPageSize)).ToList();
    }

    /// <summary>Channels the user follows that are live, by viewers.</summary>
    public async Task<IReadOnlyList<ChannelCard>> FollowedLiveAsync(Guid userId, CancellationToken ct)
    {
        var snapshot = live.GetLiveChannels().ToDictionary(l => l.ChannelId);
        if (snapshot.Count == 0)
        {
            return [];
        }

        var liveIds = snapshot.Keys.ToArray();
        var followedLive = await db.Set<Follow>().AsNoTracking()
            .Where(f => f.FollowerId == userId && liveIds.Contains(f.ChannelId))
            .Select(f => f.ChannelId).ToArrayAsync(ct);
        var cards = await CardsAsync(followedLive, null, null, snapshot, ct);
        return cards.OrderByDescending(c => c.Viewers).ToList();
    }

    /// <summary>All categories with live counts, busiest first.</summary>
    public Task<IReadOnlyList<CategoryCard>> CategoriesAsync(CancellationToken ct) => CategoriesAsync(withTotals: true, ct);

    /// <summary>
    /// Categories with live channels only (the home page's list): no per-category count over the whole
    /// catalogue, which at 10⁵ channels was most of a home render. <see cref="CategoryCard.Channels"/> is 0.
    /// </summary>
    public async Task<IReadOnlyList<CategoryCard>> LiveCategoriesAsync(CancellationToken ct) =>
        (await CategoriesAsync(withTotals: false, ct)).Where(c => c.LiveChannels > 0).ToList();

    private async Task<IReadOnlyList<CategoryCard>> CategoriesAsync(bool withTotals, CancellationToken ct)
    {
        var snapshot = live.GetLiveChannels();
        var liveIds = snapshot.Select(l => l.ChannelId).ToArray();
        var viewers = snapshot.ToDictionary(l => l.ChannelId, l => l.Viewers);
        var liveCategory = await db.Set<Channel>().AsNoTracking()
            .Where(c => liveIds.Contains(c.Id) && c.CategoryId != null)
            .Select(c => new { c.Id, c.CategoryId }).ToListAsync(ct);
        var totals = withTotals
            ? await db.Set<Channel>().AsNoTracking().Where(c => c.CategoryId != null)
                .GroupBy(c => c.CategoryId).Select(g => new { Id = g.Key!.Value, Count = g.Count() }).ToDictionaryAsync(g => g.Id, g => g.Count, ct)
            : [];
        var categories = await db.Set<Category>().AsNoTracking().ToListAsync(ct);
        return categories
            .Select(c => new CategoryCard(
                c.Id, c.Slug, c.Name,
                liveCategory.Count(l => l.CategoryId == c.Id),
                liveCategory.Where(l => l.CategoryId == c.Id).Sum(l => viewers.GetValueOrDefault(l.Id)),
                totals.GetValueOrDefault(c.Id)))
            .OrderByDescending(c => c.Viewers).ThenByDescending(c => c.LiveChannels).ThenBy(c => c.Name, StringComparer.Ordinal)
            .ToList();
    }

    public Task<Category?> CategoryAsync(string slug, CancellationToken ct) =>
        db.Set<Category>().AsNoTracking().FirstOrDefaultAsync(c => c.Slug == slug, ct);

    /// <summary>
    /// Every channel, live or not, filtered by category slug and/or tag, live ones first (by viewers),
    /// then by name.
    /// </summary>
    public async Task<DirectoryPage> DirectoryAsync(string? categorySlug, string? tag, int page, int pageSize, CancellationToken ct)
    {
        page = Math.Max(1, page);
        pageSize = Math.Clamp(pageSize, 1, MaxPageSize);
        var snapshot = live.GetLiveChannels().ToDictionary(l => l.ChannelId);
        var query = Filter(db.Set<Channel>().AsNoTracking(), categorySlug, tag);
        var total = await query.CountAsync(ct);

        // Live channels lead the first pages; the rest pages by name in the database.
        var liveIds = snapshot.Keys.ToArray();
        var liveCards = (await CardsAsync(liveIds, categorySlug, tag, snapshot, ct))
            .OrderByDescending(c => c.Viewers).ThenBy(c => c.Name, StringComparer.Ordinal).ToList();
        var skip = Paging.Offset(page, pageSize);
        var result = liveCards.Skip(skip).Take(pageSize).ToList();
        if (result.Count < pageSize)
        {
            var offlineSkip = Math.Max(0, skip - liveCards.Count);
            var offlineIds = await query.Where(c => !liveIds.Contains(c.Id))
                .OrderBy(c => c.Owner.NormalizedUserName)
                .Skip(offlineSkip).Take(pageSize - result.Count)
                .Select(c => c.Id).ToArrayAsync(ct);
            var offline = await CardsAsync(offlineIds, null, null, snapshot, ct);
            result.AddRange(offline.OrderBy(c => c.Name.ToUpperInvariant(), StringComparer.Ordinal));
        }

        return new DirectoryPage(result, page, pageSize, total);
    }

    /// <summary>Most used tags (for the tag filter).</summary>
    public async Task<IReadOnlyList<string>> PopularTagsAsync(int take, CancellationToken ct) =>
        await db.Set<ChannelTag>().AsNoTracking()
            .GroupBy(t => t.Tag).OrderByDescending(g => g.Count()).ThenBy(g => g.Key)
            .Select(g => g.Key).Take(Math.Clamp(take, 1, 100)).ToListAsync(ct);

    internal async Task<IReadOnlyList<ChannelCard>> CardsAsync(Guid[] ids, string? categorySlug, string? tag, IReadOnlyDictionary<Guid, LiveChannel> snapshot, CancellationToken ct)
    {
        var result = new List<ChannelCard>(ids.Length);
        foreach (var chunk in ids.Chunk(500))
        {
            var rows = await Filter(db.Set<Channel>().AsNoTracking(), categorySlug, tag)
                .Where(c => chunk.Contains(c.Id))
                .Select(c => new
                {
                    c.Id,
                    c.Owner.UserName,
                    c.Title,
                    Category = c.Category == null ? null : c.Category.Name,
                    Slug = c.Category == null ? null : c.Category.Slug,
                    Tags = c.Tags.Select(t => t.Tag).ToList(),
                })
                .ToListAsync(ct);
            foreach (var r in rows)
            {
                var isLive = snapshot.TryGetValue(r.Id, out var l);
                result.Add(new ChannelCard(r.Id, r.UserName, r.Title, r.Category, r.Slug, r.Tags, isLive, isLive ? l!.Viewers : 0));
            }
        }

        return result;
    }

    private static IQueryable<Channel> Filter(IQueryable<Channel> query, string? categorySlug, string? tag)
    {
        if (!string.IsNullOrWhiteSpace(categorySlug))
        {
            query = query.Where(c => c.Category != null && c.Category.Slug == categorySlug);
        }

        if (!string.IsNullOrWhiteSpace(tag))
        {
            var t = tag.Trim().ToLowerInvariant();
            query = query.Where(c => c.Tags.Any(x => x.Tag == t));
        }

        return query;
    }
}
