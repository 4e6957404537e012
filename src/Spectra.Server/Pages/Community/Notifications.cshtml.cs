using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Spectra.Server.Community;
using Spectra.Server.Community.Notifications;

namespace Spectra.Server.Pages.Community;

[Authorize]
public sealed class NotificationsModel(NotificationService notifications) : PageModel
{
    public int Unread { get; private set; }

    public IReadOnlyList<NotificationItem> Items { get; private set; } = [];

    public async Task OnGetAsync()
    {
        var id = CommunityUser.RequiredId(User);
        Unread = await notifications.UnreadCountAsync(id, HttpContext.RequestAborted);
        Items = await notifications.ListAsync(id, 100, HttpContext.RequestAborted);
    }

    public async Task<IActionResult> OnPostReadAllAsync()
    {
        await notifications.MarkReadAsync(CommunityUser.RequiredId(User), null, HttpContext.RequestAborted);
        return RedirectToPage();
    }
}
