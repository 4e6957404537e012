using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Spectra.Data;
using Spectra.Data.Entities.Videos;
using Spectra.Media.Recording;
using Spectra.Server.Accounts;
using Spectra.Server.Channels;

namespace Spectra.Server.Videos.Pages;

/// <summary>The creator's recording switch, the current recording's health, and every past broadcast with its size.</summary>
[Authorize]
internal sealed class DashboardVideosModel(ChannelService channels, VideoService videos, RecordingState recording, SpectraDbContext db) : PageModel
{
    public string ChannelName { get; private set; } = "";

    public bool SiteRecords => recording.SiteEnabled;

    [BindProperty]
    public bool RecordingEnabled { get; set; }

    public IReadOnlyList<VideoView> Videos { get; private set; } = [];

    /// <summary>The recording of the broadcast now live, when one runs and has had storage trouble or is going.</summary>
    public RecordingStatus? Current { get; private set; }

    public long TotalBytes => Videos.Sum(v => v.StorageBytes);

    public string? StatusMessage { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        return await LoadAsync(cancellationToken) ? Page() : NotFound();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var userId = User.GetUserId();
        var channel = userId is null ? null : await db.Channels.SingleOrDefaultAsync(c => c.OwnerId == userId, cancellationToken);
        if (channel is null)
        {
            return NotFound();
        }

        channel.RecordingEnabled = RecordingEnabled;
        await db.SaveChangesAsync(cancellationToken);
        await LoadAsync(cancellationToken);
        StatusMessage = RecordingEnabled ? "Your broadcasts will be recorded." : "Your broadcasts will not be recorded.";
        return Page();
    }

    private async Task<bool> LoadAsync(CancellationToken cancellationToken)
    {
        var userId = User.GetUserId();
        var channel = userId is null ? null : await channels.FindByOwnerIdAsync(userId.Value, cancellationToken);
        if (channel is null)
        {
            return false;
        }

        ChannelName = channel.Owner.UserName!;
        RecordingEnabled = channel.RecordingEnabled;
        Videos = await videos.ListForChannelAsync(ChannelName, User, 200, cancellationToken);
        var live = await db.Videos.AsNoTracking()
            .Where(v => v.ChannelId == channel.Id && v.Status == VideoStatus.Recording)
            .Select(v => (Guid?)v.Id)
            .FirstOrDefaultAsync(cancellationToken);
        Current = live is { } id ? recording.Find(id) : null;
        return true;
    }
}
