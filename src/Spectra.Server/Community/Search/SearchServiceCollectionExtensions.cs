using Spectra.Server.Infrastructure;
namespace Spectra.Server.Community.Search;

/// <summary>Channel search and its index (endpoints: MapSearchApi).</summary>
internal static class SearchServiceCollectionExtensions
{
    public static IServiceCollection AddCommunitySearch(this IServiceCollection services)
    {
        services.AddScoped<ChannelSearchService>();
        services.AddScoped<ChannelSearchIndexer>();
        services.AddHostedSingleton<SearchIndexHost>();
        return services;
    }
}
