using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Spectra.Server.Channels;

namespace Spectra.Server.Videos.Pages;

/// <summary>A channel's "Videos" tab: its past broadcasts, newest first (private and unlisted ones only for its owner).</summary>
internal sealed class ChannelVideosModel(ChannelService channels, VideoService videos) : PageModel
{
    public string ChannelName { get; private set; } = "";

    public IReadOnlyList<VideoView> Videos { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(string username, CancellationToken cancellationToken)
    {
        var channel = await channels.FindByOwnerNameAsync(username, cancellationToken);
        if (channel is null)
        {
            return NotFound();
        }

        ChannelName = channel.Owner.UserName!;
        Videos = await videos.ListForChannelAsync(ChannelName, User, 100, cancellationToken);
        return Page();
    }
}
