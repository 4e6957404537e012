using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Spectra.Data.Entities.Videos;

namespace Spectra.Server.Videos.Pages;

/// <summary>A past broadcast's page: player with seeking, title, channel, date, duration, views; the owner's edit and delete.</summary>
internal sealed class WatchModel(VideoService videos, Internal.VodCatalog catalog) : PageModel
{
    public VideoView Video { get; private set; } = null!;

    [BindProperty]
    public VideoEditInput Input { get; set; } = new();

    public string? StatusMessage { get; private set; }

    /// <summary>The renditions to download ("source", "720p"...), best first.</summary>
    public IReadOnlyList<(string Name, int Height)> Downloads { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        var video = await videos.GetAsync(id, User, cancellationToken);
        if (video is null)
        {
            return NotFound();
        }

        if (video.Status == VideoStatus.Ready)
        {
            await videos.CountViewAsync(id, cancellationToken);
            var entry = await catalog.GetAsync(id, cancellationToken);
            Downloads = entry is null ? [] : [.. entry.Renditions.Values.Select(r => (r.Rendition.Name, r.Rendition.Height))];
        }

        Video = video;
        Input = new VideoEditInput { Title = video.Title, Visibility = video.Visibility };
        return Page();
    }

    public async Task<IActionResult> OnPostEditAsync(Guid id, CancellationToken cancellationToken)
    {
        var video = await videos.GetAsync(id, User, cancellationToken);
        if (video is null || !video.CanEdit)
        {
            return NotFound();
        }

        Video = video;
        if (!ModelState.IsValid)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }

        Video = (await videos.UpdateAsync(id, User, Input.Title, Input.Visibility, cancellationToken))!;
        StatusMessage = "Saved.";
        return Page();
    }

    public async Task<IActionResult> OnPostDeleteAsync(Guid id, CancellationToken cancellationToken)
    {
        var video = await videos.GetAsync(id, User, cancellationToken);
        if (video is null || !video.CanEdit)
        {
            return NotFound();
        }

        if (!await videos.DeleteAsync(id, User, cancellationToken))
        {
            return NotFound();
        }

        return Redirect($"/{video.ChannelName}/videos");
    }
}
