using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Spectra.Data.Entities.Channels;

namespace Spectra.Server.Channels.Pages;

internal sealed class CategoryModel(ChannelService channels) : PageModel
{
    public Category Category { get; private set; } = null!;

    public IReadOnlyList<Channel> Channels { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(string slug, CancellationToken cancellationToken)
    {
        var category = await channels.FindCategoryAsync(slug, cancellationToken);
        if (category is null)
        {
            return NotFound();
        }

        Category = category;
        Channels = await channels.ListAsync(category.Id, 1, 100, cancellationToken);
        return Page();
    }
}
