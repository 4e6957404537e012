using Spectra.Server.Infrastructure;
namespace Spectra.Server.Community.Recommendations;

/// <summary>Recommended channels and the model behind them (endpoints: MapRecommendationsApi).</summary>
internal static class RecommendationsServiceCollectionExtensions
{
    public static IServiceCollection AddCommunityRecommendations(this IServiceCollection services)
    {
        services.AddScoped<RecommendationService>();
        services.AddHostedSingleton<RecommendationModelHost>();
        return services;
    }
}
