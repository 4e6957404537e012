using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Spectra.Server.Community.Discovery.Pages;

internal sealed class DirectoryModel(DiscoveryService discovery) : PageModel
{
    public DirectoryView Directory { get; private set; } = null!;

    public async Task OnGetAsync(string? tag, string? category, int page = 1)
    {
        var ct = HttpContext.RequestAborted;
        tag = string.IsNullOrWhiteSpace(tag) || tag.Length > DiscoveryService.MaxTagLength ? null : tag.ToLowerInvariant();
        category = string.IsNullOrWhiteSpace(category) ? null : category;
        var path = category is null ? "/directory" : "/directory?category=" + Uri.EscapeDataString(category);
        Directory = new DirectoryView(await discovery.DirectoryAsync(category, tag, page, 48, ct), path, tag, await discovery.PopularTagsAsync(30, ct));
    }
}
