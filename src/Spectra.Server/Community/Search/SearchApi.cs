using Microsoft.AspNetCore.Http.HttpResults;

namespace Spectra.Server.Community.Search;

/// <summary>/api/v1 channel search and suggestions.</summary>
internal static class SearchApi
{
    public static RouteGroupBuilder MapSearchApi(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("").WithTags("Discovery");
        group.MapGet("/search", SearchAsync).WithSummary("Search channels by name, title, category and tags (typo tolerant).");
        group.MapGet("/search/suggest", SuggestAsync).WithSummary("Up to 8 suggestions for a partial query.");
        return api;
    }

    public static async Task<Ok<IReadOnlyList<SearchResult>>> SearchAsync(ChannelSearchService search, CancellationToken ct, string? q = null, int limit = 20) =>
        TypedResults.Ok(await search.SearchAsync(q, limit, ct));

    public static async Task<Ok<IReadOnlyList<SearchResult>>> SuggestAsync(ChannelSearchService search, CancellationToken ct, string? q = null) =>
        TypedResults.Ok(await search.SearchAsync(q, 8, ct));
}
