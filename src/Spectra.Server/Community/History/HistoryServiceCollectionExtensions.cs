namespace Spectra.Server.Community.History;

/// <summary>Watch history and player heartbeats (endpoints: MapHistoryApi).</summary>
internal static class HistoryServiceCollectionExtensions
{
    public static IServiceCollection AddCommunityHistory(this IServiceCollection services)
    {
        services.AddScoped<WatchHistoryService>();
        return services;
    }
}
