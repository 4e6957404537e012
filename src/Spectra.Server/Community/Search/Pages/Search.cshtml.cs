using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Spectra.Server.Community.Search.Pages;

internal sealed class SearchModel(ChannelSearchService search) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Q { get; set; }

    public IReadOnlyList<SearchResult> Results { get; private set; } = [];

    public async Task OnGetAsync() => Results = await search.SearchAsync(Q, 30, HttpContext.RequestAborted);
}
