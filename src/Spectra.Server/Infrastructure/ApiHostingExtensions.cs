using Spectra.Server.Infrastructure.RateLimiting;

namespace Spectra.Server.Infrastructure;

internal static class ApiHostingExtensions
{
    public static IHostApplicationBuilder AddSpectraApi(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOpenApi("v1");
        builder.Services.AddProblemDetails();
        return builder;
    }

    /// <summary>
    /// The OpenAPI document at /openapi/v1.json and the /api/v1 group every area maps its endpoints on
    /// (cookie callers must send the antiforgery header on writes; writes are rate-limited per caller).
    /// </summary>
    public static RouteGroupBuilder MapSpectraApi(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapOpenApi("/openapi/{documentName}.json");
        return endpoints.MapGroup("/api/v1").AddEndpointFilter<CookieAntiforgeryFilter>().RequireRateLimiting(RateLimitPolicies.ApiWrites);
    }
}
