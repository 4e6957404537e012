using Microsoft.AspNetCore.Mvc.RazorPages;
using Spectra.Data.Entities.Channels;
using Spectra.Server.Channels;
using Spectra.Server.Live;

namespace Spectra.Server.Community.Discovery.Pages;

internal sealed class HomeModel(ChannelService channels, LiveDirectory live) : PageModel
{
    public IReadOnlyList<Category> Categories { get; private set; } = [];

    /// <summary>Channels live now (the first state; /live/events keeps it current).</summary>
    public IReadOnlyList<LiveChannelCard> Live { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Categories = await channels.GetCategoriesAsync(cancellationToken);
        Live = await live.GetLiveChannelsAsync(48, cancellationToken);
    }
}
