using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Spectra.Media;
using Spectra.Server.Accounts;
using Spectra.Server.Live;

namespace Spectra.Server.Channels.Pages;

/// <summary>Creator studio: the stream's health beside a small preview of what viewers see, and the live chat.</summary>
[Authorize]
internal sealed class StreamHealthModel(ChannelService channels, LiveDirectory live) : PageModel
{
    public string ChannelName { get; private set; } = "";

    public bool IsLive { get; private set; }

    public string PlaylistUrl => MediaUrls.MasterPlaylist(ChannelName);

    public string FlvUrl => MediaUrls.Flv(ChannelName);

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        var userId = User.GetUserId();
        var channel = userId is null ? null : await channels.FindByOwnerIdAsync(userId.Value, cancellationToken);
        if (channel is null)
        {
            return NotFound();
        }

        ChannelName = channel.Owner.UserName;
        IsLive = await live.GetCurrentSessionAsync(channel.Id, cancellationToken) is not null;
        return Page();
    }
}
