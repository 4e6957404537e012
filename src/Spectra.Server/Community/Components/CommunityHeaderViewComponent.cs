using Microsoft.AspNetCore.Mvc;
using Spectra.Server.Community.Notifications;

namespace Spectra.Server.Community.Components;

/// <summary>
/// Header additions on every page: community links, the notification bell, and the suggestion list the
/// script attaches to the site search box.
/// </summary>
public sealed class CommunityHeaderViewComponent(NotificationService notifications) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync()
    {
        var userId = CommunityUser.Id(UserClaimsPrincipal);
        int? unread = userId is Guid id ? await notifications.UnreadCountAsync(id, HttpContext.RequestAborted) : null;
        return View("/Community/Components/CommunityHeader.cshtml", new CommunityHeaderModel(unread));
    }
}

public sealed record CommunityHeaderModel(int? Unread);
