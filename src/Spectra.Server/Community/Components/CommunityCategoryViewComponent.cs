using Microsoft.AspNetCore.Mvc;
using Spectra.Server.Community.Discovery;

namespace Spectra.Server.Community.Components;

/// <summary>Category page section: its live channels by viewers, with the tag filter (?tag=).</summary>
public sealed class CommunityCategoryViewComponent(DiscoveryService discovery) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync(string slug, string categoryName)
    {
        var ct = HttpContext.RequestAborted;
        var tag = HttpContext.Request.Query["tag"].ToString();
        tag = string.IsNullOrWhiteSpace(tag) || tag.Length > DiscoveryService.MaxTagLength ? string.Empty : tag.ToLowerInvariant();
        var live = await discovery.LiveNowAsync(slug, tag.Length == 0 ? null : tag, 48, ct);
        return View("/Community/Components/CommunityCategory.cshtml", new CommunityCategoryModel(slug, categoryName, tag, live, await discovery.PopularTagsAsync(20, ct)));
    }
}

public sealed record CommunityCategoryModel(string Slug, string Name, string Tag, IReadOnlyList<ChannelCard> Live, IReadOnlyList<string> Tags);
