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
using Spectra.Server.Infrastructure;

namespace Spectra.Server.Community;

internal static class CommunityServiceCollectionExtensions
{
    /// <summary>
    /// Follows, discovery, search, recommendations, notifications, webhooks, schedule, posts, history
    /// and analytics, each a folder of its own (registered below, one block per folder). Live state comes from the
    /// live-video area's <see cref="ILiveChannelDirectory"/> (register it before or after this call);
    /// <see cref="IChatActivity"/> falls back to "not available" when the chat area did not register one
    /// (TryAdd).
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
        services.AddHostedSingleton<CommunityEventProcessor>();

        // Follows
        services.AddScoped<FollowService>();
        services.AddScoped<IFollowLookup>(sp => sp.GetRequiredService<FollowService>());
        services.AddScoped<IBlockList, BlockList>();

        // Discovery
        services.AddScoped<DiscoveryService>();

        // Search
        services.AddScoped<ChannelSearchService>();
        services.AddScoped<ChannelSearchIndexer>();
        services.AddHostedSingleton<SearchIndexHost>();

        // Recommendations
        services.AddScoped<RecommendationService>();
        services.AddHostedSingleton<RecommendationModelHost>();

        // Notifications
        services.AddScoped<NotificationService>();
        services.AddSingleton<NotificationConnections>();
        services.AddSingleton<NotificationFanOut>();
        services.AddHostedSingleton<CommunityRetention>();

        // Webhooks
        services.AddScoped<WebhookService>();
        services.AddSingleton<WebhookSignal>();
        services.AddHostedSingleton<WebhookDispatcher>();
        services.AddHttpClient(WebhookDispatcher.HttpClientName)
            .ConfigurePrimaryHttpMessageHandler(sp => WebhookDispatcher.CreateHandler(sp.GetRequiredService<IOptions<CommunityOptions>>().Value.AllowPrivateWebhookTargets));

        // Schedule
        services.AddScoped<ScheduleService>();
        services.AddHostedSingleton<ScheduleNotifier>();

        // Posts
        services.AddScoped<PostService>();

        // History
        services.AddScoped<WatchHistoryService>();

        // Analytics
        services.AddScoped<CreatorAnalyticsService>();
        services.AddHostedSingleton<ViewerSampler>();
        return services;
    }

    /// <summary>Every community endpoint under /api/v1, plus /sitemap.xml and /robots.txt; pages live in each sub-feature's Pages folder.</summary>
    public static IEndpointRouteBuilder MapSpectraCommunity(this IEndpointRouteBuilder endpoints, RouteGroupBuilder api)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        ArgumentNullException.ThrowIfNull(api);
        api.MapFollowsApi();
        api.MapDiscoveryApi();
        api.MapSearchApi();
        api.MapRecommendationsApi();
        api.MapNotificationsApi();
        api.MapWebhooksApi();
        api.MapScheduleApi();
        api.MapPostsApi();
        api.MapHistoryApi();
        api.MapAnalyticsApi();
        endpoints.MapSitemap();
        return endpoints;
    }
}
