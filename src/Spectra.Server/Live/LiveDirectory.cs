using Microsoft.EntityFrameworkCore;
using Spectra.Data;
using Spectra.Data.Entities.Live;

namespace Spectra.Server.Live;

/// <summary>
/// Which channels are live, read from the database: a channel is live while it has a session without an
/// end. Scoped (one DbContext per request).
/// </summary>
public sealed class LiveDirectory(SpectraDbContext db, Internal.LiveChannelTracker tracker)
{
    /// <summary>Thumbnail URL of a channel (the origin serves the latest still there).</summary>
    public static string ThumbnailUrl(string channelName) => $"/hls/{Uri.EscapeDataString(channelName)}/thumbnail.jpg";

    /// <summary>Master playlist URL of a channel.</summary>
    public static string PlaylistUrl(string channelName) => $"/hls/{Uri.EscapeDataString(channelName)}/master.m3u8";

    /// <summary>Live channels, most recently started first.</summary>
    public async Task<IReadOnlyList<LiveChannelCard>> GetLiveChannelsAsync(int max, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(max, 1);
        var rows = await Query().OrderByDescending(r => r.Since).Take(max).ToListAsync(cancellationToken);
        return rows.ConvertAll(ToCard);
    }

    public async Task<LiveChannelCard?> GetLiveChannelAsync(Guid channelId, CancellationToken cancellationToken)
    {
        var row = await Query().Where(r => r.ChannelId == channelId).OrderByDescending(r => r.Since).FirstOrDefaultAsync(cancellationToken);
        return row is null ? null : ToCard(row);
    }

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

    private IQueryable<Row> Query() =>
        from s in db.StreamSessions.AsNoTracking()
        where s.EndedAt == null
        join c in db.Channels.AsNoTracking() on s.ChannelId equals c.Id
        select new Row
        {
            ChannelId = c.Id,
            Name = c.Owner.UserName,
            Title = c.Title,
            CategoryName = c.Category != null ? c.Category.Name : null,
            CategorySlug = c.Category != null ? c.Category.Slug : null,
            SessionId = s.Id,
            Since = s.StartedAt,
        };

    private LiveChannelCard ToCard(Row row) =>
        new(row.ChannelId, row.Name, row.Title, row.CategoryName, row.CategorySlug, row.SessionId, DateTime.SpecifyKind(row.Since, DateTimeKind.Utc), ThumbnailUrl(row.Name), tracker.GetViewers(row.ChannelId));

    /// <summary>Member-initialised so EF Core can keep composing (order, filter) after the projection.</summary>
    private sealed class Row
    {
        public Guid ChannelId { get; init; }

        public string Name { get; init; } = "";

        public string Title { get; init; } = "";

        public string? CategoryName { get; init; }

        public string? CategorySlug { get; init; }

        public Guid SessionId { get; init; }

        public DateTime Since { get; init; }
    }
}
