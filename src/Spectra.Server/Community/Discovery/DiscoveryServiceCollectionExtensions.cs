namespace Spectra.Server.Community.Discovery;

/// <summary>Live channels, categories, directory and tags (endpoints: MapDiscoveryApi).</summary>
internal static class DiscoveryServiceCollectionExtensions
{
    public static IServiceCollection AddCommunityDiscovery(this IServiceCollection services)
    {
        services.AddScoped<DiscoveryService>();
        return services;
    }
}
