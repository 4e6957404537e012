using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Spectra.Server.Community.History.Pages;

[Authorize]
internal sealed class HistoryModel(WatchHistoryService history) : PageModel
{
    public IReadOnlyList<WatchedChannel> Items { get; private set; } = [];

    public async Task OnGetAsync() => Items = await history.RecentAsync(CommunityUser.RequiredId(User), 50, HttpContext.RequestAborted);

    public async Task<IActionResult> OnPostClearAsync()
    {
        await history.DeleteAsync(CommunityUser.RequiredId(User), null, HttpContext.RequestAborted);
        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostDeleteAsync(string channel)
    {
        await history.DeleteAsync(CommunityUser.RequiredId(User), channel, HttpContext.RequestAborted);
        return RedirectToPage();
    }
}
