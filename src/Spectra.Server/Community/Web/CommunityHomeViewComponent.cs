using Microsoft.AspNetCore.Mvc;
using Spectra.Server.Community.Discovery;
using Spectra.Server.Community.Recommendations;

namespace Spectra.Server.Community.Web;

/// <summary>Home page sections: followed and live, live now, recommended for you, categories.</summary>
public sealed class CommunityHomeViewComponent(DiscoveryService discovery, RecommendationService recommendations) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync()
    {
        var ct = HttpContext.RequestAborted;
        var userId = CommunityUser.Id(UserClaimsPrincipal);
        var followedLive = userId is Guid id ? await discovery.FollowedLiveAsync(id, ct) : [];
        var model = new CommunityHomeModel(
            userId is not null,
            followedLive,
            await discovery.LiveNowAsync(null, null, 12, ct),
            await recommendations.RecommendAsync(userId, 8, ct),
            (await discovery.CategoriesAsync(ct)).Where(c => c.LiveChannels > 0).Take(12).ToList());
        return View(model);
    }
}

public sealed record CommunityHomeModel(
    bool SignedIn,
    IReadOnlyList<ChannelCard> FollowedLive,
    IReadOnlyList<ChannelCard> LiveNow,
    IReadOnlyList<RecommendedChannel> Recommended,
    IReadOnlyList<CategoryCard> Categories);
