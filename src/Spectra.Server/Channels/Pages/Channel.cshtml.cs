using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Spectra.Data.Entities.Channels;
using Spectra.Data.Entities.Live;
using Spectra.Media;
using Spectra.Server.Live;

namespace Spectra.Server.Channels.Pages;

internal sealed class ChannelModel(ChannelService channels, LiveDirectory live) : PageModel
{
    public Channel Channel { get; private set; } = null!;

    public string? AvatarUrl => ApiMapping.AvatarUrl(Channel);

    /// <summary>The open session when the channel is live (the first state; /live/events keeps the page current).</summary>
    public StreamSession? LiveSession { get; private set; }

    /// <summary>Viewers and start time while live.</summary>
    public LiveChannelCard? LiveCard { get; private set; }

    public string PlaylistUrl => MediaUrls.MasterPlaylist(Channel.Owner.UserName);

    /// <summary>The picture for shared links: the live thumbnail, else the avatar, else the site icon.</summary>
    public string ShareImageUrl => LiveSession is not null ? MediaUrls.Thumbnail(Channel.Owner.UserName) : AvatarUrl ?? "/icons/icon-512.png";

    public string FlvUrl => MediaUrls.Flv(Channel.Owner.UserName);

    public async Task<IActionResult> OnGetAsync(string username, CancellationToken cancellationToken)
    {
        var channel = await channels.FindByOwnerNameAsync(username, cancellationToken);
        if (channel is null)
        {
            return NotFound();
        }

        Channel = channel;
        LiveSession = await live.GetCurrentSessionAsync(channel.Id, cancellationToken);
        LiveCard = LiveSession is null ? null : await live.GetLiveChannelAsync(channel.Id, cancellationToken);
        return Page();
    }
}
