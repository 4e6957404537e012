using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Spectra.Server.Community.Discovery;

/// <summary>/api/v1 discovery: live channels, categories, directory, tags.</summary>
internal static class DiscoveryApi
{
    public static RouteGroupBuilder MapDiscoveryApi(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("").WithTags("Discovery");
        group.MapGet("/discover/live", LiveAsync).WithSummary("Live channels by viewers; optional category slug and tag filters.");
        group.MapGet("/discover/categories", CategoriesAsync).WithSummary("Categories with live channel counts.");
        group.MapGet("/discover/directory", DirectoryAsync).WithSummary("All channels, live first, filterable by category and tag.");
        group.MapGet("/discover/tags", TagsAsync).WithSummary("Most used tags.");
        group.MapGet("/me/following/live", FollowedLiveAsync).RequireAuthorization("api").WithSummary("Followed channels that are live.");
        return api;
    }

    public static async Task<Ok<IReadOnlyList<ChannelCard>>> LiveAsync(DiscoveryService discovery, CancellationToken ct, string? category = null, string? tag = null, int take = 50) =>
        TypedResults.Ok(await discovery.LiveNowAsync(category, tag, take, ct));

    public static async Task<Ok<IReadOnlyList<CategoryCard>>> CategoriesAsync(DiscoveryService discovery, CancellationToken ct) =>
        TypedResults.Ok(await discovery.CategoriesAsync(ct));

    public static async Task<Ok<DirectoryPage>> DirectoryAsync(DiscoveryService discovery, CancellationToken ct, string? category = null, string? tag = null, int page = 1, int pageSize = 50) =>
        TypedResults.Ok(await discovery.DirectoryAsync(category, tag, page, pageSize, ct));

    public static async Task<Ok<IReadOnlyList<string>>> TagsAsync(DiscoveryService discovery, CancellationToken ct, int take = 30) =>
        TypedResults.Ok(await discovery.PopularTagsAsync(take, ct));

    public static async Task<Ok<IReadOnlyList<ChannelCard>>> FollowedLiveAsync(ClaimsPrincipal user, DiscoveryService discovery, CancellationToken ct) =>
        TypedResults.Ok(await discovery.FollowedLiveAsync(CommunityUser.RequiredId(user), ct));
}
