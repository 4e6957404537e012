using Spectra.Server.Infrastructure;
namespace Spectra.Server.Community.Notifications;

/// <summary>Notifications, their live WebSocket and retention (endpoints: MapNotificationsApi).</summary>
internal static class NotificationsServiceCollectionExtensions
{
    public static IServiceCollection AddCommunityNotifications(this IServiceCollection services)
    {
        services.AddScoped<NotificationService>();
        services.AddSingleton<NotificationConnections>();
        services.AddSingleton<NotificationFanOut>();
        services.AddHostedSingleton<CommunityRetention>();
        return services;
    }
}
