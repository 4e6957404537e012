using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Spectra.Data.Entities.Channels;
using Spectra.Server.Community;

namespace Spectra.Server.Channels.Pages;

internal sealed class CategoryModel(ChannelService channels, ILiveChannelDirectory live) : PageModel
{
    public Category Category { get; private set; } = null!;

    /// <summary>How many channels the category has (up to 100: one page).</summary>
    public int ChannelCount { get; private set; }

    /// <summary>The category's channels that are not live (the live ones are the section above them).</summary>
    public IReadOnlyList<Channel> Offline { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(string slug, CancellationToken cancellationToken)
    {
        var category = await channels.FindCategoryAsync(slug, cancellationToken);
        if (category is null)
        {
            return NotFound();
        }

        Category = category;
        var all = await channels.ListAsync(category.Id, 1, 100, cancellationToken);
        ChannelCount = all.Count;

        // Live as the category's live section sees it (the same directory), so no channel shows twice.
        Offline = all.Where(c => !live.TryGet(c.Id, out _)).ToList();
        return Page();
    }
}
