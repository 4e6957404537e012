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
    /// <param name="part">"nav" for the links, "actions" for the bell, suggestions and toasts.</param>
    public async Task<IViewComponentResult> InvokeAsync(string part)
    {
        var notifications = HttpContext.RequestServices.GetRequiredService<NotificationService>();
        var userId = CommunityUser.Id(UserClaimsPrincipal);
        // The links only need to know whether someone is signed in; the bell needs the count.
        int? unread = userId is not Guid id ? null
            : part == "actions" ? await notifications.UnreadCountAsync(id, HttpContext.RequestAborted) : 0;
        return View("/Community/Components/CommunityHeader.cshtml", new CommunityHeaderModel(part, unread));
    }
}
