namespace Spectra.Server.Community.Follows;

/// <summary>Follows and blocks (endpoints: MapFollowsApi).</summary>
public static class FollowsServiceCollectionExtensions
{
    public static IServiceCollection AddCommunityFollows(this IServiceCollection services)
    {
        services.AddScoped<FollowService>();
        services.AddScoped<IBlockList, BlockList>();
        return services;
    }
}
