using Microsoft.AspNetCore.Diagnostics.HealthChecks;

namespace Spectra.Server.Health;

internal static class HealthEndpointRouteBuilderExtensions
{
    private const string ReadyTag = "ready";

    public static IHostApplicationBuilder AddSpectraHealth(this IHostApplicationBuilder builder)
    {
        builder.Services.AddHealthChecks().AddCheck<DatabaseHealthCheck>("database", tags: [ReadyTag]);
        return builder;
    }

    /// <summary>/healthz: the process answers (no dependency checks). /readyz: dependencies reachable.</summary>
    public static IEndpointRouteBuilder MapSpectraHealth(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapHealthChecks("/healthz", new HealthCheckOptions { Predicate = _ => false }).DisableHttpMetrics();
        endpoints.MapHealthChecks("/readyz", new HealthCheckOptions { Predicate = check => check.Tags.Contains(ReadyTag) }).DisableHttpMetrics();
        return endpoints;
    }
}
