using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Spectra.Server.Community.Notifications.Pages;

[Authorize]
internal sealed class NotificationsModel(NotificationService notifications) : PageModel
{
    public int Unread { get; private set; }

    public IReadOnlyList<NotificationItem> Items { get; private set; } = [];

    public async Task OnGetAsync()
    {
        var id = CommunityUser.RequiredId(User);
        Unread = await notifications.UnreadCountAsync(id, HttpContext.RequestAborted);
        Items = await notifications.ListAsync(id, 100, HttpContext.RequestAborted);

        // Opening the list marks what it shows as read (still highlighted on this view); only the listed
        // ids, so a notification arriving meanwhile or beyond the first 100 stays unread.
        var shown = Items.Where(n => !n.Read).Select(n => n.Id).ToList();
        if (shown.Count > 0)
        {
            await notifications.MarkReadAsync(id, shown, HttpContext.RequestAborted);
        }
    }

    public async Task<IActionResult> OnPostReadAllAsync()
    {
        await notifications.MarkReadAsync(CommunityUser.RequiredId(User), null, HttpContext.RequestAborted);
        return RedirectToPage();
    }
}
