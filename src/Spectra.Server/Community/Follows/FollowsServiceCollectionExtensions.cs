namespace Spectra.Server.Community.Follows;

/// <summary>Follows and blocks (endpoints: MapFollowsApi).</summary>
internal static class FollowsServiceCollectionExtensions
{
    public static IServiceCollection AddCommunityFollows(this IServiceCollection services)
    {
        services.AddScoped<FollowService>();
        services.AddScoped<IFollowLookup>(sp => sp.GetRequiredService<FollowService>());
        services.AddScoped<IBlockList, BlockList>();
        return services;
    }
}
