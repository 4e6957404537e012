using Microsoft.AspNetCore.Http.HttpResults;

namespace Spectra.Server.Channels;

internal static class CategoriesApi
{
    public static RouteGroupBuilder MapCategoriesApi(this RouteGroupBuilder api)
    {
        api.MapGet("/categories", ListAsync).WithTags("Categories").WithSummary("All categories, by name.");
        return api;
    }

    private static async Task<Ok<List<CategoryDto>>> ListAsync(ChannelService channels, CancellationToken ct) =>
        TypedResults.Ok((await channels.GetCategoriesAsync(ct)).Select(c => c.ToDto()).ToList());
}
