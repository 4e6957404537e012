using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Spectra.Data;
using Spectra.Data.Entities.Channels;
using Spectra.Server.Community.Posts;
using Spectra.Server.Community.Schedule;
using Spectra.Server.Community.Webhooks;

namespace Spectra.Server.Community.Pages;

/// <summary>Creator page: posts, schedule, webhooks and their delivery log.</summary>
[Authorize]
internal sealed class ManageModel(SpectraDbContext db, PostService posts, ScheduleService schedule, WebhookService webhooks) : PageModel
{
    public string? Message { get; private set; }

    /// <summary>The form the <see cref="Message"/> is about ("post", "schedule" or "webhook"), so the page shows it there.</summary>
    public string? MessageFor { get; private set; }

    public string? NewSecret { get; private set; }

    public IReadOnlyList<PostInfo> Posts { get; private set; } = [];

    public IReadOnlyList<ScheduledShowInfo> Shows { get; private set; } = [];

    public IReadOnlyList<Category> Categories { get; private set; } = [];

    public IReadOnlyList<WebhookInfo> Webhooks { get; private set; } = [];

    public IReadOnlyList<WebhookDeliveryInfo> Deliveries { get; private set; } = [];

    private Guid UserId => CommunityUser.RequiredId(User);

    public async Task<IActionResult> OnGetAsync() => await LoadAsync();

    public async Task<IActionResult> OnPostPostAsync(string? markdown)
    {
        var (result, _) = await posts.CreateAsync(UserId, markdown, HttpContext.RequestAborted);
        return result.Succeeded ? RedirectToPage() : await LoadAsync(result, "post");
    }

    public async Task<IActionResult> OnPostDeletePostAsync(Guid id)
    {
        var result = await posts.DeleteAsync(UserId, id, HttpContext.RequestAborted);
        return result.Succeeded ? RedirectToPage() : await LoadAsync(result, "post");
    }

    public async Task<IActionResult> OnPostScheduleAsync(string? title, DateTime startsAt, int? durationMinutes, int? categoryId, string? description)
    {
        var request = new ScheduleRequest(title, categoryId, description, DateTime.SpecifyKind(startsAt, DateTimeKind.Utc), durationMinutes);
        var (result, _) = await schedule.CreateAsync(UserId, request, HttpContext.RequestAborted);
        return result.Succeeded ? RedirectToPage() : await LoadAsync(result, "schedule");
    }

    public async Task<IActionResult> OnPostDeleteShowAsync(Guid id)
    {
        var result = await schedule.DeleteAsync(UserId, id, HttpContext.RequestAborted);
        return result.Succeeded ? RedirectToPage() : await LoadAsync(result, "schedule");
    }

    public async Task<IActionResult> OnPostWebhookAsync(string? url, string[]? events)
    {
        var (result, webhook) = await webhooks.CreateAsync(UserId, url, events, HttpContext.RequestAborted);
        NewSecret = webhook?.Secret;
        return await LoadAsync(result, "webhook");
    }

    public async Task<IActionResult> OnPostDeleteWebhookAsync(Guid id)
    {
        var result = await webhooks.DeleteAsync(UserId, id, HttpContext.RequestAborted);
        return result.Succeeded ? RedirectToPage() : await LoadAsync(result, "webhook");
    }

    private async Task<IActionResult> LoadAsync(CommunityResult? result = null, string? form = null)
    {
        var ct = HttpContext.RequestAborted;
        var channel = await ChannelRef.FindByOwnerAsync(db, UserId, ct);
        if (channel is null)
        {
            return NotFound();
        }

        if (result is { Succeeded: false } failed)
        {
            Message = failed.Message;
            MessageFor = form;
            Response.StatusCode = StatusCodes.Status400BadRequest;
        }

        Posts = await posts.ForChannelAsync(channel.ChannelId, 20, ct);
        Shows = await schedule.UpcomingForChannelAsync(channel.ChannelId, ct);
        Categories = await db.Set<Category>().AsNoTracking().OrderBy(c => c.Name).ToListAsync(ct);
        Webhooks = await webhooks.ListAsync(UserId, ct);
        Deliveries = await webhooks.DeliveriesAsync(UserId, null, 50, ct);
        return Page();
    }
}
