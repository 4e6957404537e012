using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Spectra.Data;
using Spectra.Data.Entities.Chat;
using Spectra.Server.Community.Follows;
using Spectra.Server.Community.Notifications;
using Spectra.Server.Community.Posts;
using Spectra.Server.Community.Schedule;

namespace Spectra.Server.Community.Components;

/// <summary>Channel page sections: follow button and count, notification toggle, block, schedule, posts.</summary>
/// <remarks>Public because MVC discovers only public view components; the services it uses are internal,
/// so they are resolved per call rather than through the constructor.</remarks>
public sealed class CommunityChannelViewComponent : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync(string channelName)
    {
        var db = HttpContext.RequestServices.GetRequiredService<SpectraDbContext>();
        var follows = HttpContext.RequestServices.GetRequiredService<FollowService>();
        var notifications = HttpContext.RequestServices.GetRequiredService<NotificationService>();
        var schedule = HttpContext.RequestServices.GetRequiredService<ScheduleService>();
        var posts = HttpContext.RequestServices.GetRequiredService<PostService>();
        var ct = HttpContext.RequestAborted;
        var channel = await ChannelRef.FindByNameAsync(db, channelName, ct);
        if (channel is null)
        {
            return Content(string.Empty);
        }

        var userId = CommunityUser.Id(UserClaimsPrincipal);
        var following = userId is Guid id && await follows.IsFollowingAsync(id, channel.ChannelId, ct);
        var muted = following && await notifications.IsMutedAsync(userId!.Value, channel.ChannelId, ct);
        var blocking = userId is Guid blocker && blocker != channel.OwnerId
            && await db.Set<UserBlock>().AnyAsync(b => b.BlockerId == blocker && b.BlockedId == channel.OwnerId, ct);
        return View("/Community/Components/CommunityChannel.cshtml", new CommunityChannelModel(
            channel,
            userId,
            userId == channel.OwnerId,
            following,
            muted,
            blocking,
            await follows.CountFollowersAsync(channel.ChannelId, ct),
            await schedule.UpcomingForChannelAsync(channel.ChannelId, ct),
            await posts.ForChannelAsync(channel.ChannelId, 10, ct)));
    }
}
