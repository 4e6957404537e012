using Microsoft.AspNetCore.Mvc;
using Spectra.Server.Community.Discovery;
using Spectra.Server.Community.Recommendations;

namespace Spectra.Server.Community.Components;

/// <summary>
/// Home page sections: followed channels that are live, recommended for you, categories with live
/// counts. ("Live now" itself is the live area's section on the home page.)
/// </summary>
/// <remarks>Public because MVC discovers only public view components; the services it uses are internal,
/// so they are resolved per call rather than through the constructor.</remarks>
public sealed class CommunityHomeViewComponent : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync()
    {
        var discovery = HttpContext.RequestServices.GetRequiredService<DiscoveryService>();
        var recommendations = HttpContext.RequestServices.GetRequiredService<RecommendationService>();
        var ct = HttpContext.RequestAborted;
        var userId = CommunityUser.Id(UserClaimsPrincipal);
        var followedLive = userId is Guid id ? await discovery.FollowedLiveAsync(id, ct) : [];
        var model = new CommunityHomeModel(
            userId is not null,
            followedLive,
            await recommendations.RecommendAsync(userId, 8, ct),
            (await discovery.LiveCategoriesAsync(ct)).Take(12).ToList());
        return View("/Community/Components/CommunityHome.cshtml", model);
    }
}
