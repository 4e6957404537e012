using Microsoft.AspNetCore.Mvc.RazorPages;
using Spectra.Data.Entities.Channels;

namespace Spectra.Server.Channels.Pages;

internal sealed class CategoriesModel(ChannelService channels) : PageModel
{
    public IReadOnlyList<Category> Categories { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken) =>
        Categories = await channels.GetCategoriesAsync(cancellationToken);
}
