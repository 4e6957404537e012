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
internal sealed class DashboardVideosModel(ChannelService channels, VideoService videos, RecordingState recording, SpectraDbContext db, Microsoft.Extensions.Options.IOptionsSnapshot<VideosOptions> options) : PageModel
{
    public string ChannelName { get; private set; } = "";

    public bool SiteRecords => recording.SiteEnabled;

    [BindProperty]
    public bool RecordingEnabled { get; set; }

    /// <summary>Days videos are kept; empty keeps them until deleted.</summary>
    [BindProperty]
    public int? RetentionDays { get; set; }

    public int MaxRetentionDays => options.Value.MaxRetentionDays;

    /// <summary>The site's per-channel quota in bytes; 0 when there is none.</summary>
    public long QuotaBytes => options.Value.ChannelQuotaBytes;

    /// <summary>When the retention and quota sweep last deleted videos, and how many.</summary>
    public (DateTime At, int Count)? LastSweep { get; private set; }

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

        if (!ModelState.IsValid || (RetentionDays is { } days && (days < 1 || days > MaxRetentionDays)))
        {
            ModelState.Remove(nameof(RetentionDays));
            ModelState.AddModelError(nameof(RetentionDays), $"Keep videos between 1 and {MaxRetentionDays} days, or leave it empty to keep them.");
            var wanted = RecordingEnabled;
            await LoadAsync(cancellationToken);
            RecordingEnabled = wanted;
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }

        channel.RecordingEnabled = RecordingEnabled;
        channel.VideoRetentionDays = RetentionDays;
        await db.SaveChangesAsync(cancellationToken);
        await LoadAsync(cancellationToken);
        StatusMessage = (RecordingEnabled ? "Your broadcasts will be recorded" : "Your broadcasts will not be recorded")
            + (RetentionDays is { } kept ? $"; videos are kept {kept} days." : "; videos are kept until you delete them.");
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
        RetentionDays = channel.VideoRetentionDays;
        LastSweep = channel.VideosSweptAt is { } swept ? (DateTime.SpecifyKind(swept, DateTimeKind.Utc), channel.VideosSweptCount) : null;
        Videos = await videos.ListForChannelAsync(ChannelName, User, 200, cancellationToken);
        var live = await db.Videos.AsNoTracking()
            .Where(v => v.ChannelId == channel.Id && v.Status == VideoStatus.Recording)
            .Select(v => (Guid?)v.Id)
            .FirstOrDefaultAsync(cancellationToken);
        Current = live is { } id ? recording.Find(id) : null;
        return true;
    }
}
