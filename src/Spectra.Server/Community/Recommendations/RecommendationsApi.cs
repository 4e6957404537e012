using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Spectra.Server.Community.Recommendations;

/// <summary>/api/v1 recommended channels.</summary>
internal static class RecommendationsApi
{
    public static RouteGroupBuilder MapRecommendationsApi(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("").WithTags("Discovery");
        group.MapGet("/recommendations", RecommendationsAsync).WithSummary("Recommended channels with explanations (cold start when signed out).");
        return api;
    }

    public static async Task<Ok<IReadOnlyList<RecommendedChannel>>> RecommendationsAsync(ClaimsPrincipal user, RecommendationService recommendations, CancellationToken ct, int count = 12) =>
        TypedResults.Ok(await recommendations.RecommendAsync(CommunityUser.Id(user), count, ct));
}
