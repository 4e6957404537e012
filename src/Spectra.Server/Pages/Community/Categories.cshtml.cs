using Microsoft.AspNetCore.Mvc.RazorPages;
using Spectra.Server.Community.Discovery;

namespace Spectra.Server.Pages.Community;

public sealed class CategoriesModel(DiscoveryService discovery) : PageModel
{
    public IReadOnlyList<CategoryCard> Categories { get; private set; } = [];

    public async Task OnGetAsync() => Categories = await discovery.CategoriesAsync(HttpContext.RequestAborted);
}
