using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Spectra.Data;

namespace Spectra.Server.Community.Analytics.Pages;

[Authorize]
internal sealed class AnalyticsModel(SpectraDbContext db, CreatorAnalyticsService analytics) : PageModel
{
    public PeriodAnalytics Period { get; private set; } = null!;

    public IReadOnlyList<BroadcastSummary> Broadcasts { get; private set; } = [];

    public BroadcastSummary? Selected { get; private set; }

    public async Task<IActionResult> OnGetAsync(int days = 7, Guid? broadcast = null)
    {
        var ct = HttpContext.RequestAborted;
        var channel = await ChannelRef.FindByOwnerAsync(db, CommunityUser.RequiredId(User), ct);
        if (channel is null)
        {
            return NotFound();
        }

        Period = await analytics.PeriodAsync(channel.ChannelId, days, ct);
        Broadcasts = await analytics.BroadcastsAsync(channel.ChannelId, 30, withCharts: false, ct);
        if (broadcast is Guid id)
        {
            Selected = await analytics.BroadcastAsync(channel.ChannelId, id, ct);
        }

        return Page();
    }
}
