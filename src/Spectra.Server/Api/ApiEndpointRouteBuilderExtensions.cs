namespace Spectra.Server.Api;

public static class ApiEndpointRouteBuilderExtensions
{
    public static IHostApplicationBuilder AddSpectraApi(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOpenApi("v1");
        builder.Services.AddProblemDetails();
        return builder;
    }

    /// <summary>REST API under /api/v1 and its OpenAPI document at /openapi/v1.json.</summary>
    public static RouteGroupBuilder MapSpectraApi(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapOpenApi("/openapi/{documentName}.json");
        var api = endpoints.MapGroup("/api/v1").AddEndpointFilter<CookieAntiforgeryFilter>();
        api.MapMeApi();
        api.MapCategoriesApi();
        api.MapChannelsApi();
        return api;
    }
}
