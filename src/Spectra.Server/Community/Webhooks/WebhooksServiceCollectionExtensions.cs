using Microsoft.Extensions.Options;
using Spectra.Server.Infrastructure;

namespace Spectra.Server.Community.Webhooks;

/// <summary>Webhooks and their signed deliveries (endpoints: MapWebhooksApi).</summary>
internal static class WebhooksServiceCollectionExtensions
{
    public static IServiceCollection AddCommunityWebhooks(this IServiceCollection services)
    {
        services.AddScoped<WebhookService>();
        services.AddSingleton<WebhookSignal>();
        services.AddHostedSingleton<WebhookDispatcher>();
        services.AddHttpClient(WebhookDispatcher.HttpClientName)
            .ConfigurePrimaryHttpMessageHandler(sp => WebhookDispatcher.CreateHandler(sp.GetRequiredService<IOptions<CommunityOptions>>().Value.AllowPrivateWebhookTargets));
        return services;
    }
}
