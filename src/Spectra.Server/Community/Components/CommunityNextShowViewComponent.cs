using Microsoft.AspNetCore.Mvc;
using Spectra.Data;
using Spectra.Server.Community.Schedule;

namespace Spectra.Server.Community.Components;

/// <summary>"Next show: …" on an offline channel's player, from the channel's schedule.</summary>
/// <remarks>Public because MVC discovers only public view components; services are resolved per call.</remarks>
public sealed class CommunityNextShowViewComponent : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync(string channelName)
    {
        var db = HttpContext.RequestServices.GetRequiredService<SpectraDbContext>();
        var schedule = HttpContext.RequestServices.GetRequiredService<ScheduleService>();
        var channel = await ChannelRef.FindByNameAsync(db, channelName, HttpContext.RequestAborted);
        var next = channel is null ? null : await schedule.NextForChannelAsync(channel.ChannelId, HttpContext.RequestAborted);
        return next is null ? Content(string.Empty) : View("/Community/Components/CommunityNextShow.cshtml", next);
    }
}
