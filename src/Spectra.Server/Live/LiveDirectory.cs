using Microsoft.EntityFrameworkCore;
using Spectra.Data;
using Spectra.Data.Entities.Live;
using Spectra.Media;
using Spectra.Server.Live.Internal;

namespace Spectra.Server.Live;

/// <summary>
/// Which channels are live, for lists (home page, /live/events, /api/v1/live) and for a channel's page.
/// Scoped (one DbContext per request).
/// </summary>
internal sealed class LiveDirectory(SpectraDbContext db, LiveChannelTracker tracker)
{
    /// <summary>
    /// Live channels, most viewers first (ties: most recently started first). The live set and viewer counts
    /// come from <see cref="Internal.LiveChannelTracker"/> (the same state discovery and search use), names
    /// and titles from the database in one query.
    /// </summary>
    public async Task<IReadOnlyList<LiveChannelCard>> GetLiveChannelsAsync(int max, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(max, 1);
        var live = tracker.GetLiveChannels().ToList();
        live.Sort(static (a, b) => b.Viewers != a.Viewers ? b.Viewers.CompareTo(a.Viewers) : b.Since.CompareTo(a.Since));
        if (live.Count > max)
        {
            live.RemoveRange(max, live.Count - max);
        }

        return await ToCardsAsync(live, cancellationToken);
    }

    public async Task<LiveChannelCard?> GetLiveChannelAsync(Guid channelId, CancellationToken cancellationToken) =>
        tracker.TryGet(channelId, out var live) && await ToCardsAsync([live], cancellationToken) is [var card] ? card : null;

    /// <summary>The open session of a channel, null when it is offline.</summary>
    public Task<StreamSession?> GetCurrentSessionAsync(Guid channelId, CancellationToken cancellationToken) =>
        db.StreamSessions.AsNoTracking()
            .Where(s => s.ChannelId == channelId && s.EndedAt == null)
            .OrderByDescending(s => s.StartedAt)
            .FirstOrDefaultAsync(cancellationToken);

    /// <summary>Open sessions of the given channels, by channel id.</summary>
    public async Task<Dictionary<Guid, StreamSession>> GetCurrentSessionsAsync(IReadOnlyCollection<Guid> channelIds, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(channelIds);
        var result = new Dictionary<Guid, StreamSession>();
        if (channelIds.Count == 0)
        {
            return result;
        }

        var sessions = await db.StreamSessions.AsNoTracking()
            .Where(s => s.EndedAt == null && channelIds.Contains(s.ChannelId))
            .ToListAsync(cancellationToken);
        foreach (var session in sessions)
        {
            if (!result.TryGetValue(session.ChannelId, out var existing) || existing.StartedAt < session.StartedAt)
            {
                result[session.ChannelId] = session;
            }
        }

        return result;
    }

    private async Task<List<LiveChannelCard>> ToCardsAsync(List<Community.LiveChannel> live, CancellationToken cancellationToken)
    {
        if (live.Count == 0)
        {
            return [];
        }

        var ids = live.ConvertAll(l => l.ChannelId);
        var rows = await db.Channels.AsNoTracking()
            .Where(c => ids.Contains(c.Id))
            .Select(c => new
            {
                c.Id,
                Name = c.Owner.UserName,
                c.Title,
                CategoryName = c.Category != null ? c.Category.Name : null,
                CategorySlug = c.Category != null ? c.Category.Slug : null,
            })
            .ToDictionaryAsync(c => c.Id, cancellationToken);
        var cards = new List<LiveChannelCard>(live.Count);
        foreach (var l in live)
        {
            if (rows.TryGetValue(l.ChannelId, out var row))
            {
                cards.Add(new LiveChannelCard(
                    l.ChannelId, row.Name, row.Title, row.CategoryName, row.CategorySlug, l.StreamSessionId ?? Guid.Empty,
                    DateTime.SpecifyKind(l.Since, DateTimeKind.Utc), MediaUrls.Thumbnail(row.Name), l.Viewers));
            }
        }

        return cards;
    }
}
