using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Spectra.Data.Entities.Channels;
using Spectra.Server.Api;
using Spectra.Server.Channels;

namespace Spectra.Server.Pages.Channels;

public sealed class ChannelModel(ChannelService channels) : PageModel
{
    public Channel Channel { get; private set; } = null!;

    public string? AvatarUrl => ApiMapping.AvatarUrl(Channel);

    public async Task<IActionResult> OnGetAsync(string username, CancellationToken cancellationToken)
    {
        var channel = await channels.FindByOwnerNameAsync(username, cancellationToken);
        if (channel is null)
        {
            return NotFound();
        }

        Channel = channel;
        return Page();
    }
}
