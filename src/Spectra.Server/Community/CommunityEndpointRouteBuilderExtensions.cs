using Spectra.Server.Community.Api;

namespace Spectra.Server.Community;

public static class CommunityEndpointRouteBuilderExtensions
{
    /// <summary>Maps every community endpoint under /api/v1 (pages are Razor Pages under Pages/Community).</summary>
    public static IEndpointRouteBuilder MapCommunity(this IEndpointRouteBuilder app)
    {
        app.MapFollowsApi();
        app.MapDiscoveryApi();
        app.MapNotificationsApi();
        app.MapWebhooksApi();
        app.MapScheduleApi();
        app.MapPostsApi();
        app.MapHistoryApi();
        app.MapAnalyticsApi();
        return app;
    }
}
