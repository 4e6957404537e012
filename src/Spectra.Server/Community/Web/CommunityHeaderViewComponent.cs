using Microsoft.AspNetCore.Mvc;
using Spectra.Server.Community.Notifications;

namespace Spectra.Server.Community.Web;

/// <summary>Search box with suggestions and the notification bell, for the site header (every page).</summary>
public sealed class CommunityHeaderViewComponent(NotificationService notifications) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync()
    {
        var userId = CommunityUser.Id(UserClaimsPrincipal);
        int? unread = userId is Guid id ? await notifications.UnreadCountAsync(id, HttpContext.RequestAborted) : null;
        return View(new CommunityHeaderModel(unread, HttpContext.Request.Query["q"].ToString()));
    }
}

public sealed record CommunityHeaderModel(int? Unread, string Query);
