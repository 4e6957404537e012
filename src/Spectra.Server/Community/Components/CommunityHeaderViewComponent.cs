using Microsoft.AspNetCore.Mvc;
using Spectra.Server.Community.Notifications;

namespace Spectra.Server.Community.Components;

/// <summary>
/// Header additions on every page: community links, the notification bell, and the suggestion list the
/// script attaches to the site search box.
/// </summary>
/// <remarks>Public because MVC discovers only public view components; the services it uses are internal,
/// so they are resolved per call rather than through the constructor.</remarks>
public sealed class CommunityHeaderViewComponent : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync()
    {
        var notifications = HttpContext.RequestServices.GetRequiredService<NotificationService>();
        var userId = CommunityUser.Id(UserClaimsPrincipal);
        int? unread = userId is Guid id ? await notifications.UnreadCountAsync(id, HttpContext.RequestAborted) : null;
        return View("/Community/Components/CommunityHeader.cshtml", new CommunityHeaderModel(unread));
    }
}
