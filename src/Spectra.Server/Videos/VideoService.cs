using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;
using Spectra.Data;
using Spectra.Data.Entities.Channels;
using Spectra.Data.Entities.Videos;
using Spectra.Media.Recording;
using Spectra.Server.Accounts;
using Spectra.Server.Videos.Internal;
using Spectra.Storage;

namespace Spectra.Server.Videos;

/// <summary>
/// Past broadcasts for pages and the API, with one set of rules: public videos are listed and playable by
/// anyone, unlisted ones playable by anyone with the link, private ones only by the channel's owner and
/// admins; only they edit and delete. A video someone may not see is reported as not found.
/// </summary>
internal sealed partial class VideoService(SpectraDbContext db, IObjectStore store, VodCatalog catalog, IMemoryCache cache, ILogger<VideoService> logger)
{
    private static readonly TimeSpan AccessCacheTime = TimeSpan.FromSeconds(5);

    /// <summary>The video if <paramref name="user"/> may watch it (ready or still recording), else null.</summary>
    public async Task<VideoView?> GetAsync(Guid id, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        var row = await Query().SingleOrDefaultAsync(r => r.Video.Id == id, cancellationToken);
        return row is null || !MayWatch(row.Video.Visibility, row.OwnerId, user) ? null : ToView(row, user);
    }

    /// <summary>The channel's ready videos, newest first: public ones, and all of them for its owner.</summary>
    public async Task<IReadOnlyList<VideoView>> ListForChannelAsync(string channelName, ClaimsPrincipal user, int limit, CancellationToken cancellationToken)
    {
        // Filtered in the query, before the limit: others' unlisted and private videos must not take places in the page.
        var userId = user.GetUserId() ?? Guid.Empty;
        var everything = user.IsAdmin();
        var rows = await Query()
            .Where(r => r.ChannelName == channelName && r.Video.Status == VideoStatus.Ready)
            .Where(r => everything || r.Video.Visibility == VideoVisibility.Public || r.OwnerId == userId)
            .OrderByDescending(r => r.Video.StartedAt)
            .Take(Math.Clamp(limit, 1, 200))
            .ToListAsync(cancellationToken);
        return [.. rows.Select(r => ToView(r, user))];
    }

    /// <summary>
    /// Whether <paramref name="user"/> may play the video's media (it is ready, and not private to someone else),
    /// and whether it is private (no shared caching). Cached for a few seconds per video: the media requests of a
    /// player cost no database query each.
    /// </summary>
    public async Task<(bool MayPlay, bool IsPrivate)> GetPlaybackAsync(Guid id, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        var access = await cache.GetOrCreateAsync(("vod-access", id), async entry =>
        {
            entry.AbsoluteExpirationRelativeToNow = AccessCacheTime;
            return await db.Videos.AsNoTracking()
                .Where(v => v.Id == id)
                .Join(db.Set<Channel>(), v => v.ChannelId, c => c.Id, (v, c) => new VideoAccess(v.Status, v.Visibility, c.OwnerId))
                .SingleOrDefaultAsync(cancellationToken);
        });
        return access is { Status: VideoStatus.Ready } && MayWatch(access.Visibility, access.OwnerId, user)
            ? (true, access.Visibility == VideoVisibility.Private)
            : (false, false);
    }

    /// <summary>Renames and/or changes visibility. Null when the video is not found or not the user's to edit.</summary>
    public async Task<VideoView?> UpdateAsync(Guid id, ClaimsPrincipal user, string? title, VideoVisibility? visibility, CancellationToken cancellationToken)
    {
        var video = await EditableAsync(id, user, cancellationToken);
        if (video is null)
        {
            return null;
        }

        if (title is not null)
        {
            video.Title = title.Trim();
        }

        if (visibility is not null)
        {
            video.Visibility = visibility.Value;
        }

        await db.SaveChangesAsync(cancellationToken);
        Forget(id);
        return await GetAsync(id, user, cancellationToken);
    }

    /// <summary>Deletes the video and its stored media. False when not found or not the user's to delete.</summary>
    public async Task<bool> DeleteAsync(Guid id, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        var video = await EditableAsync(id, user, cancellationToken);
        if (video is null || video.Status == VideoStatus.Recording)
        {
            return false;
        }

        db.Videos.Remove(video);
        await db.SaveChangesAsync(cancellationToken);
        Forget(id);
        var removed = await store.DeleteByPrefixAsync(RecordingKeys.Prefix(id), cancellationToken);
        LogDeleted(logger, id, user.GetUserName(), removed);
        return true;
    }

    /// <summary>Counts one view.</summary>
    public Task CountViewAsync(Guid id, CancellationToken cancellationToken) =>
        db.Videos.Where(v => v.Id == id).ExecuteUpdateAsync(s => s.SetProperty(v => v.Views, v => v.Views + 1), cancellationToken);

    private void Forget(Guid id)
    {
        cache.Remove(("vod-access", id));
        catalog.Forget(id);
    }

    private async Task<Video?> EditableAsync(Guid id, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        var row = await db.Videos
            .Where(v => v.Id == id)
            .Join(db.Set<Channel>(), v => v.ChannelId, c => c.Id, (v, c) => new { Video = v, c.OwnerId })
            .SingleOrDefaultAsync(cancellationToken);
        return row is not null && CanEdit(row.OwnerId, user) ? row.Video : null;
    }

    private IQueryable<VideoRow> Query() =>
        from v in db.Videos.AsNoTracking()
        join c in db.Set<Channel>() on v.ChannelId equals c.Id
        join u in db.Users on c.OwnerId equals u.Id
        join cat in db.Set<Category>() on v.CategoryId equals cat.Id into cats
        from cat in cats.DefaultIfEmpty()
        select new VideoRow { Video = v, OwnerId = c.OwnerId, ChannelName = u.UserName!, CategoryName = cat == null ? null : cat.Name, CategorySlug = cat == null ? null : cat.Slug };

    private static bool CanEdit(Guid ownerId, ClaimsPrincipal user) => user.GetUserId() == ownerId || user.IsAdmin();

    private static bool MayWatch(VideoVisibility visibility, Guid ownerId, ClaimsPrincipal user) =>
        visibility != VideoVisibility.Private || CanEdit(ownerId, user);

    private static VideoView ToView(VideoRow row, ClaimsPrincipal user) => new(
        row.Video.Id, row.ChannelName, row.Video.Title, row.CategoryName, row.CategorySlug, row.Video.Status, row.Video.Visibility,
        DateTime.SpecifyKind(row.Video.StartedAt, DateTimeKind.Utc), TimeSpan.FromMilliseconds(row.Video.DurationMs), row.Video.Views,
        row.Video.StorageBytes, CanEdit(row.OwnerId, user));

    [LoggerMessage(EventId = 5110, Level = LogLevel.Information, Message = "Video {VideoId} deleted by {User}; {Objects} stored objects removed")]
    private static partial void LogDeleted(ILogger logger, Guid videoId, string? user, int objects);

    /// <summary>A member-initialized projection, so queries can still filter on it.</summary>
    private sealed class VideoRow
    {
        public required Video Video { get; init; }

        public Guid OwnerId { get; init; }

        public required string ChannelName { get; init; }

        public string? CategoryName { get; init; }

        public string? CategorySlug { get; init; }
    }

    private sealed record VideoAccess(VideoStatus Status, VideoVisibility Visibility, Guid OwnerId);
}
