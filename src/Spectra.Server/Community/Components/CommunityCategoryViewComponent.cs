using Microsoft.AspNetCore.Mvc;
using Spectra.Server.Community.Discovery;

namespace Spectra.Server.Community.Components;

/// <summary>Category page section: its live channels by viewers, with the tag filter (?tag=).</summary>
/// <remarks>Public because MVC discovers only public view components; the services it uses are internal,
/// so they are resolved per call rather than through the constructor.</remarks>
public sealed class CommunityCategoryViewComponent : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync(string slug, string categoryName)
    {
        var discovery = HttpContext.RequestServices.GetRequiredService<DiscoveryService>();
        var ct = HttpContext.RequestAborted;
        var tag = HttpContext.Request.Query["tag"].ToString();
        tag = string.IsNullOrWhiteSpace(tag) || tag.Length > DiscoveryService.MaxTagLength ? string.Empty : tag.ToLowerInvariant();
        var live = await discovery.LiveNowAsync(slug, tag.Length == 0 ? null : tag, 48, ct);
        return View("/Community/Components/CommunityCategory.cshtml", new CommunityCategoryModel(slug, categoryName, tag, live, await discovery.PopularTagsAsync(20, ct)));
    }
}
