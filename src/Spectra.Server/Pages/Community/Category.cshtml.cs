using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Spectra.Server.Community.Discovery;

namespace Spectra.Server.Pages.Community;

public sealed class CategoryModel(DiscoveryService discovery) : PageModel
{
    public string Name { get; private set; } = string.Empty;

    public IReadOnlyList<ChannelCard> Live { get; private set; } = [];

    public DirectoryView Directory { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(string slug, string? tag, int page = 1)
    {
        var ct = HttpContext.RequestAborted;
        var category = await discovery.CategoryAsync(slug, ct);
        if (category is null)
        {
            return NotFound();
        }

        Name = category.Name;
        Live = await discovery.LiveNowAsync(slug, tag, 24, ct);
        Directory = new DirectoryView(await discovery.DirectoryAsync(slug, tag, page, 48, ct), $"/categories/{slug}", tag, await discovery.PopularTagsAsync(20, ct));
        return Page();
    }
}
