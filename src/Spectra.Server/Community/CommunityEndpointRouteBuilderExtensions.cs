using Spectra.Server.Community.Api;

namespace Spectra.Server.Community;

public static class CommunityEndpointRouteBuilderExtensions
{
    /// <summary>
    /// WebSockets (notification sockets) and every community endpoint under /api/v1; pages are Razor
    /// Pages under Pages/Community. Called after the foundation's middleware, before endpoints run.
    /// </summary>
    public static WebApplication MapSpectraCommunity(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.UseWebSockets(new WebSocketOptions { KeepAliveInterval = TimeSpan.FromSeconds(30) });
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
