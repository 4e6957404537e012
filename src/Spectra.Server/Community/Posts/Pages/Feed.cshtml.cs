using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Spectra.Server.Community.Posts.Pages;

[Authorize]
internal sealed class FeedModel(PostService posts) : PageModel
{
    public IReadOnlyList<PostInfo> Posts { get; private set; } = [];

    public async Task OnGetAsync() => Posts = await posts.FeedAsync(CommunityUser.RequiredId(User), 50, HttpContext.RequestAborted);
}
