using Microsoft.EntityFrameworkCore;
using Spectra.Data;
using Spectra.Data.Entities.Channels;
using Spectra.Data.Entities.Community;

namespace Spectra.Server.Community.Posts;

/// <summary>Channel owners' short posts: publish, list on the channel, followers' feed, delete.</summary>
internal sealed class PostService(SpectraDbContext db, TimeProvider clock, ILogger<PostService> logger)
{
    public async Task<(CommunityResult Result, PostInfo? Post)> CreateAsync(Guid ownerId, string? markdown, CancellationToken ct)
    {
        var channel = await ChannelRef.FindByOwnerAsync(db, ownerId, ct);
        if (channel is null)
        {
            return Refuse(ownerId, CommunityError.NotFound, "You have no channel.");
        }

        var text = markdown?.Trim() ?? string.Empty;
        if (text.Length == 0)
        {
            return Refuse(ownerId, CommunityError.Invalid, "The post is empty.");
        }

        if (text.Length > PostMarkdown.MaxLength)
        {
            return Refuse(ownerId, CommunityError.Invalid, $"The post is longer than {PostMarkdown.MaxLength} characters.");
        }

        var post = new CommunityPost
        {
            Id = Guid.NewGuid(),
            ChannelId = channel.ChannelId,
            Markdown = text,
            Html = PostMarkdown.ToHtml(text),
            CreatedAt = clock.GetUtcNow().UtcDateTime,
        };
        db.Add(post);
        await db.SaveChangesAsync(ct);
        return (CommunityResult.Ok, new PostInfo(post.Id, post.ChannelId, channel.Name, post.Markdown, post.Html, post.CreatedAt));
    }

    public async Task<CommunityResult> DeleteAsync(Guid ownerId, Guid postId, CancellationToken ct)
    {
        var removed = await db.Set<CommunityPost>()
            .Where(p => p.Id == postId && db.Set<Channel>().Any(c => c.Id == p.ChannelId && c.OwnerId == ownerId))
            .ExecuteDeleteAsync(ct);
        return removed == 0 ? Refuse(ownerId, CommunityError.NotFound, "No such post.").Result : CommunityResult.Ok;
    }

    public Task<IReadOnlyList<PostInfo>> ForChannelAsync(Guid channelId, int take, CancellationToken ct) =>
        QueryAsync(db.Set<CommunityPost>().Where(p => p.ChannelId == channelId), take, ct);

    /// <summary>Posts of followed channels, newest first.</summary>
    public Task<IReadOnlyList<PostInfo>> FeedAsync(Guid userId, int take, CancellationToken ct) =>
        QueryAsync(db.Set<CommunityPost>().Where(p => db.Set<Follow>().Any(f => f.FollowerId == userId && f.ChannelId == p.ChannelId)), take, ct);

    private async Task<IReadOnlyList<PostInfo>> QueryAsync(IQueryable<CommunityPost> posts, int take, CancellationToken ct) =>
        await (from p in posts.AsNoTracking()
               join c in db.Set<Channel>() on p.ChannelId equals c.Id
               orderby p.CreatedAt descending
               select new PostInfo(p.Id, p.ChannelId, c.Owner.UserName, p.Markdown, p.Html, p.CreatedAt))
            .Take(Math.Clamp(take, 1, 100)).ToListAsync(ct);

    private (CommunityResult Result, PostInfo? Post) Refuse(Guid userId, CommunityError error, string message)
    {
        CommunityLog.Refused(logger, "post", userId, message);
        return (CommunityResult.Fail(error, message), null);
    }
}
