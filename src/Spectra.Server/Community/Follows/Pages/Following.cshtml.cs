using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Spectra.Server.Community.Follows.Pages;

[Authorize]
internal sealed class FollowingModel(FollowService follows) : PageModel
{
    public IReadOnlyList<FollowEntry> Channels { get; private set; } = [];

    public async Task OnGetAsync() => Channels = await follows.FollowingAsync(CommunityUser.RequiredId(User), 0, 1000, HttpContext.RequestAborted);
}
