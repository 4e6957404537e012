using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Spectra.Server.Community.Analytics;
using Spectra.Server.Community.Discovery;
using Spectra.Server.Community.Follows;
using Spectra.Server.Community.History;
using Spectra.Server.Community.Internal;
using Spectra.Server.Community.Notifications;
using Spectra.Server.Community.Posts;
using Spectra.Server.Community.Recommendations;
using Spectra.Server.Community.Schedule;
using Spectra.Server.Community.Search;
using Spectra.Server.Community.Webhooks;

namespace Spectra.Server.Community;

public static class CommunityServiceCollectionExtensions
{
    /// <summary>
    /// Follows, discovery, search, recommendations, notifications, webhooks, schedule, posts, history
    /// and analytics. Live state comes from the live-video area's <see cref="ILiveChannelDirectory"/>
    /// (register it before or after this call); <see cref="IChatActivity"/> falls back to "not available"
    /// when the chat area did not register one (TryAdd).
    /// </summary>
    public static IHostApplicationBuilder AddSpectraCommunity(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddCommunity();
        return builder;
    }

    public static IServiceCollection AddCommunity(this IServiceCollection services)
    {
        services.AddOptions<CommunityOptions>().BindConfiguration(CommunityOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.TryAddSingleton(TimeProvider.System);
        services.AddDataProtection();

        services.TryAddSingleton<IChatActivity, NoChatActivity>();

        services.AddScoped<FollowService>();
        services.AddScoped<IBlockList, BlockList>();
        services.AddScoped<DiscoveryService>();
        services.AddScoped<ChannelSearchService>();
        services.AddScoped<ChannelSearchIndexer>();
        services.AddScoped<RecommendationService>();
        services.AddScoped<NotificationService>();
        services.AddScoped<WebhookService>();
        services.AddScoped<ScheduleService>();
        services.AddScoped<PostService>();
        services.AddScoped<WatchHistoryService>();
        services.AddScoped<CreatorAnalyticsService>();

        services.AddSingleton<NotificationConnections>();
        services.AddSingleton<NotificationFanOut>();
        services.AddSingleton<WebhookSignal>();

        AddHosted<CommunityEventProcessor>(services);
        AddHosted<SearchIndexHost>(services);
        AddHosted<RecommendationModelHost>(services);
        AddHosted<WebhookDispatcher>(services);
        AddHosted<ScheduleNotifier>(services);
        AddHosted<ViewerSampler>(services);
        AddHosted<CommunityRetention>(services);

        services.AddHttpClient(WebhookDispatcher.HttpClientName)
            .ConfigurePrimaryHttpMessageHandler(sp => WebhookDispatcher.CreateHandler(sp.GetRequiredService<IOptions<CommunityOptions>>().Value.AllowPrivateWebhookTargets));
        return services;
    }

    /// <summary>Registers a hosted service that is also resolvable as itself (tests and pages call into it).</summary>
    private static void AddHosted<T>(IServiceCollection services)
        where T : class, IHostedService
    {
        services.AddSingleton<T>();
        services.AddHostedService(sp => sp.GetRequiredService<T>());
    }
}
