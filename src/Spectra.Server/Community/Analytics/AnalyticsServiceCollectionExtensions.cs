using Spectra.Server.Infrastructure;
namespace Spectra.Server.Community.Analytics;

/// <summary>Creator analytics and viewer sampling (endpoints: MapAnalyticsApi).</summary>
internal static class AnalyticsServiceCollectionExtensions
{
    public static IServiceCollection AddCommunityAnalytics(this IServiceCollection services)
    {
        services.AddScoped<CreatorAnalyticsService>();
        services.AddHostedSingleton<ViewerSampler>();
        return services;
    }
}
