using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Spectra.Server.Community.Discovery;
using Spectra.Server.Community.Recommendations;
using Spectra.Server.Community.Search;
using Spectra.Server.Api;

namespace Spectra.Server.Community.Api;

/// <summary>/api/v1 search, discovery and recommendations.</summary>
public static class DiscoveryApi
{
    public static IEndpointRouteBuilder MapDiscoveryApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1").AddEndpointFilter<CookieAntiforgeryFilter>().WithTags("Discovery");
        api.MapGet("/search", SearchAsync).WithSummary("Search channels by name, title, category and tags (typo tolerant).");
        api.MapGet("/search/suggest", SuggestAsync).WithSummary("Up to 8 suggestions for a partial query.");
        api.MapGet("/discover/live", LiveAsync).WithSummary("Live channels by viewers; optional category slug and tag filters.");
        api.MapGet("/discover/categories", CategoriesAsync).WithSummary("Categories with live channel counts.");
        api.MapGet("/discover/directory", DirectoryAsync).WithSummary("All channels, live first, filterable by category and tag.");
        api.MapGet("/discover/tags", TagsAsync).WithSummary("Most used tags.");
        api.MapGet("/recommendations", RecommendationsAsync).WithSummary("Recommended channels with explanations (cold start when signed out).");
        api.MapGet("/me/following/live", FollowedLiveAsync).RequireAuthorization("api").WithSummary("Followed channels that are live.");
        return app;
    }

    public static async Task<Ok<IReadOnlyList<SearchResult>>> SearchAsync(ChannelSearchService search, CancellationToken ct, string? q = null, int limit = 20) =>
        TypedResults.Ok(await search.SearchAsync(q, limit, ct));

    public static async Task<Ok<IReadOnlyList<SearchResult>>> SuggestAsync(ChannelSearchService search, CancellationToken ct, string? q = null) =>
        TypedResults.Ok(await search.SearchAsync(q, 8, ct));

    public static async Task<Ok<IReadOnlyList<ChannelCard>>> LiveAsync(DiscoveryService discovery, CancellationToken ct, string? category = null, string? tag = null, int take = 50) =>
        TypedResults.Ok(await discovery.LiveNowAsync(category, tag, take, ct));

    public static async Task<Ok<IReadOnlyList<CategoryCard>>> CategoriesAsync(DiscoveryService discovery, CancellationToken ct) =>
        TypedResults.Ok(await discovery.CategoriesAsync(ct));

    public static async Task<Ok<DirectoryPage>> DirectoryAsync(DiscoveryService discovery, CancellationToken ct, string? category = null, string? tag = null, int page = 1, int pageSize = 50) =>
        TypedResults.Ok(await discovery.DirectoryAsync(category, tag, page, pageSize, ct));

    public static async Task<Ok<IReadOnlyList<string>>> TagsAsync(DiscoveryService discovery, CancellationToken ct, int take = 30) =>
        TypedResults.Ok(await discovery.PopularTagsAsync(take, ct));

    public static async Task<Ok<IReadOnlyList<RecommendedChannel>>> RecommendationsAsync(ClaimsPrincipal user, RecommendationService recommendations, CancellationToken ct, int count = 12) =>
        TypedResults.Ok(await recommendations.RecommendAsync(CommunityUser.Id(user), count, ct));

    public static async Task<Ok<IReadOnlyList<ChannelCard>>> FollowedLiveAsync(ClaimsPrincipal user, DiscoveryService discovery, CancellationToken ct) =>
        TypedResults.Ok(await discovery.FollowedLiveAsync(CommunityUser.RequiredId(user), ct));
}
