using Microsoft.AspNetCore.Mvc.RazorPages;
using Spectra.Server.Community.Discovery;

namespace Spectra.Server.Pages.Community;

public sealed class DirectoryModel(DiscoveryService discovery) : PageModel
{
    public DirectoryView Directory { get; private set; } = null!;

    public async Task OnGetAsync(string? tag, int page = 1)
    {
        var ct = HttpContext.RequestAborted;
        tag = string.IsNullOrWhiteSpace(tag) || tag.Length > DiscoveryService.MaxTagLength ? null : tag;
        Directory = new DirectoryView(await discovery.DirectoryAsync(null, tag, page, 48, ct), "/directory", tag, await discovery.PopularTagsAsync(30, ct));
    }
}
