using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Spectra.Data;

namespace Spectra.Server.Community.Follows.Pages;

internal sealed class FollowersModel(SpectraDbContext db, FollowService follows) : PageModel
{
    public string ChannelName { get; private set; } = string.Empty;

    public int Total { get; private set; }

    public int PageNumber { get; private set; }

    public IReadOnlyList<FollowEntry> Followers { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(string name, int page = 1)
    {
        var ct = HttpContext.RequestAborted;
        var channel = await ChannelRef.FindByNameAsync(db, name, ct);
        if (channel is null)
        {
            return NotFound();
        }

        ChannelName = channel.Name;
        PageNumber = Math.Max(1, page);
        Total = await follows.CountFollowersAsync(channel.ChannelId, ct);
        Followers = await follows.FollowersAsync(channel.ChannelId, (PageNumber - 1) * 100, 100, ct);
        return Page();
    }
}
