using Spectra.Media.Restream;

namespace Spectra.Server.Restreaming;

internal static class RestreamingServiceCollectionExtensions
{
    /// <summary>Restreaming (section "Restream"): destinations per channel, pushed while the channel is live.</summary>
    public static IHostApplicationBuilder AddSpectraRestreaming(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddOptions<RestreamOptions>().BindConfiguration(RestreamOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddSingleton<RestreamCoordinator>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<RestreamCoordinator>());
        builder.Services.AddScoped<RestreamDestinationService>();
        return builder;
    }

    /// <summary>The destinations endpoints of the REST API.</summary>
    public static IEndpointRouteBuilder MapSpectraRestreaming(this IEndpointRouteBuilder endpoints, RouteGroupBuilder api)
    {
        ArgumentNullException.ThrowIfNull(api);
        api.MapRestreamApi();
        return endpoints;
    }
}
