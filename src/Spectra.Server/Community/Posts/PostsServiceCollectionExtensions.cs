namespace Spectra.Server.Community.Posts;

/// <summary>Channel posts and the feed (endpoints: MapPostsApi).</summary>
internal static class PostsServiceCollectionExtensions
{
    public static IServiceCollection AddCommunityPosts(this IServiceCollection services)
    {
        services.AddScoped<PostService>();
        return services;
    }
}
