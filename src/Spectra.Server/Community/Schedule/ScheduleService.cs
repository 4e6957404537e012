using Microsoft.EntityFrameworkCore;
using Spectra.Data;
using Spectra.Data.Entities.Channels;
using Spectra.Data.Entities.Community;

namespace Spectra.Server.Community.Schedule;

/// <summary>Creators' upcoming shows: create (future only), list, delete, iCalendar export.</summary>
internal sealed class ScheduleService(SpectraDbContext db, TimeProvider clock, ILogger<ScheduleService> logger)
{
    public const int MaxTitleLength = 100;
    public const int MaxDescriptionLength = 1000;
    public const int MaxUpcomingPerChannel = 50;
    public static readonly TimeSpan MaxAhead = TimeSpan.FromDays(366);

    public async Task<(CommunityResult Result, ScheduledShowInfo? Show)> CreateAsync(Guid ownerId, ScheduleRequest request, CancellationToken ct)
    {
        var channel = await ChannelRef.FindByOwnerAsync(db, ownerId, ct);
        if (channel is null)
        {
            return Refuse(ownerId, CommunityError.NotFound, "You have no channel.");
        }

        var title = request.Title?.Trim() ?? string.Empty;
        var description = request.Description?.Trim() ?? string.Empty;
        var now = clock.GetUtcNow().UtcDateTime;
        var startsAt = request.StartsAt.Kind == DateTimeKind.Local ? request.StartsAt.ToUniversalTime() : DateTime.SpecifyKind(request.StartsAt, DateTimeKind.Utc);
        var duration = request.DurationMinutes ?? 120;
        if (title.Length == 0 || title.Length > MaxTitleLength)
        {
            return Refuse(ownerId, CommunityError.Invalid, $"The title must have 1 to {MaxTitleLength} characters.");
        }

        if (description.Length > MaxDescriptionLength)
        {
            return Refuse(ownerId, CommunityError.Invalid, $"The description must have at most {MaxDescriptionLength} characters.");
        }

        if (startsAt <= now)
        {
            return Refuse(ownerId, CommunityError.Invalid, "The start time is in the past.");
        }

        if (startsAt > now + MaxAhead)
        {
            return Refuse(ownerId, CommunityError.Invalid, "The start time is more than a year ahead.");
        }

        if (duration is < 15 or > 1440)
        {
            return Refuse(ownerId, CommunityError.Invalid, "The duration must be 15 to 1440 minutes.");
        }

        string? categoryName = null;
        if (request.CategoryId is int categoryId)
        {
            categoryName = await db.Set<Category>().Where(c => c.Id == categoryId).Select(c => c.Name).FirstOrDefaultAsync(ct);
            if (categoryName is null)
            {
                return Refuse(ownerId, CommunityError.Invalid, "No such category.");
            }
        }

        if (await db.Set<ScheduledShow>().CountAsync(s => s.ChannelId == channel.ChannelId && s.StartsAt > now, ct) >= MaxUpcomingPerChannel)
        {
            return Refuse(ownerId, CommunityError.LimitReached, $"A channel can have at most {MaxUpcomingPerChannel} upcoming shows.");
        }

        var show = new ScheduledShow
        {
            Id = Guid.NewGuid(),
            ChannelId = channel.ChannelId,
            Title = title,
            CategoryId = request.CategoryId,
            Description = description,
            StartsAt = startsAt,
            EndsAt = startsAt.AddMinutes(duration),
            CreatedAt = now,
        };
        db.Add(show);
        await db.SaveChangesAsync(ct);
        return (CommunityResult.Ok, new ScheduledShowInfo(show.Id, channel.ChannelId, channel.Name, title, show.CategoryId, categoryName, description, show.StartsAt, show.EndsAt));
    }

    public async Task<CommunityResult> DeleteAsync(Guid ownerId, Guid showId, CancellationToken ct)
    {
        var removed = await db.Set<ScheduledShow>()
            .Where(s => s.Id == showId && db.Set<Channel>().Any(c => c.Id == s.ChannelId && c.OwnerId == ownerId))
            .ExecuteDeleteAsync(ct);
        return removed == 0 ? Refuse(ownerId, CommunityError.NotFound, "No such show.").Result : CommunityResult.Ok;
    }

    /// <summary>Shows of a channel that have not ended, soonest first.</summary>
    public Task<IReadOnlyList<ScheduledShowInfo>> UpcomingForChannelAsync(Guid channelId, CancellationToken ct) =>
        QueryAsync(db.Set<ScheduledShow>().Where(s => s.ChannelId == channelId), 100, ct);

    /// <summary>The channel's next show, if one is scheduled.</summary>
    public async Task<ScheduledShowInfo?> NextForChannelAsync(Guid channelId, CancellationToken ct) =>
        (await QueryAsync(db.Set<ScheduledShow>().Where(s => s.ChannelId == channelId), 1, ct)) is [var next, ..] ? next : null;

    /// <summary>Upcoming shows of the channels a user follows, soonest first.</summary>
    public Task<IReadOnlyList<ScheduledShowInfo>> UpcomingForFollowerAsync(Guid userId, int take, CancellationToken ct) =>
        QueryAsync(db.Set<ScheduledShow>().Where(s => db.Set<Follow>().Any(f => f.FollowerId == userId && f.ChannelId == s.ChannelId)), take, ct);

    /// <summary>Upcoming shows site-wide (the Schedule page for visitors), soonest first.</summary>
    public Task<IReadOnlyList<ScheduledShowInfo>> UpcomingAsync(int take, CancellationToken ct) =>
        QueryAsync(db.Set<ScheduledShow>(), take, ct);

    public static string ToICalendar(string calendarName, IEnumerable<ScheduledShowInfo> shows, string baseUrl, DateTime stamp) =>
        ICalendarWriter.Write(calendarName, shows.Select(s => new CalendarEvent(
            s.Id.ToString("N") + "@spectra",
            s.StartsAt,
            s.EndsAt,
            $"{s.ChannelName}: {s.Title}",
            string.IsNullOrEmpty(s.Description) ? null : s.Description,
            s.Category,
            baseUrl.TrimEnd('/') + "/" + s.ChannelName,
            stamp)));

    private async Task<IReadOnlyList<ScheduledShowInfo>> QueryAsync(IQueryable<ScheduledShow> shows, int take, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        return await (from s in shows.AsNoTracking()
                      where s.EndsAt > now
                      join c in db.Set<Channel>() on s.ChannelId equals c.Id
                      join cat in db.Set<Category>() on s.CategoryId equals cat.Id into cats
                      from cat in cats.DefaultIfEmpty()
                      orderby s.StartsAt
                      select new ScheduledShowInfo(s.Id, s.ChannelId, c.Owner.UserName, s.Title, s.CategoryId, cat == null ? null : cat.Name, s.Description, s.StartsAt, s.EndsAt))
            .Take(Math.Clamp(take, 1, 200)).ToListAsync(ct);
    }

    private (CommunityResult Result, ScheduledShowInfo? Show) Refuse(Guid userId, CommunityError error, string message)
    {
        CommunityLog.Refused(logger, "schedule", userId, message);
        return (CommunityResult.Fail(error, message), null);
    }
}
