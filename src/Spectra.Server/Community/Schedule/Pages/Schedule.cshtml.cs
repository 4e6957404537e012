using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Spectra.Server.Community.Schedule.Pages;

internal sealed class ScheduleModel(ScheduleService schedule) : PageModel
{
    public bool SignedIn { get; private set; }

    public IReadOnlyList<ScheduledShowInfo> Shows { get; private set; } = [];

    public async Task OnGetAsync()
    {
        var userId = CommunityUser.Id(User);
        SignedIn = userId is not null;
        Shows = userId is Guid id
            ? await schedule.UpcomingForFollowerAsync(id, 100, HttpContext.RequestAborted)
            : await schedule.UpcomingAsync(100, HttpContext.RequestAborted);
    }
}
