using Microsoft.AspNetCore.Http.HttpResults;
using Spectra.Server.Infrastructure;
using Spectra.Storage;

namespace Spectra.Server.Channels;

internal static class ChannelsServiceCollectionExtensions
{
    public static IHostApplicationBuilder AddSpectraChannels(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<AvatarOptions>().BindConfiguration(AvatarOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<IngestOptions>().BindConfiguration(IngestOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<ServerSecrets>();
        services.AddSingleton<IngestUrls>();
        services.AddScoped<StreamKeyService>();
        services.AddScoped<ChannelService>();
        services.AddScoped<AvatarStore>();
        return builder;
    }

    /// <summary>Channel and category endpoints under /api/v1, and the avatars.</summary>
    public static IEndpointRouteBuilder MapSpectraChannels(this IEndpointRouteBuilder endpoints, RouteGroupBuilder api)
    {
        ArgumentNullException.ThrowIfNull(api);
        api.MapCategoriesApi();
        api.MapChannelsApi();
        return endpoints.MapAvatars();
    }

    /// <summary>/avatars/{username}: the channel's uploaded image, cacheable forever under its versioned URL.</summary>
    private static IEndpointRouteBuilder MapAvatars(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/avatars/{username}", async Task<IResult> (string username, ChannelService channels, IObjectStore store, HttpContext http, CancellationToken ct) =>
        {
            var channel = await channels.FindByOwnerNameAsync(username, ct);
            if (channel?.AvatarContentType is null)
            {
                return TypedResults.NotFound();
            }

            var result = await ObjectStoreResults.ServeAsync(store, AvatarStore.KeyFor(channel.Id), channel.AvatarContentType, ct);
            if (result.Result is FileStreamHttpResult)
            {
                http.Response.Headers.CacheControl = http.Request.Query.ContainsKey("v") ? "public, max-age=31536000, immutable" : "public, max-age=60";
                http.Response.Headers.XContentTypeOptions = "nosniff";
            }

            return result;
        }).ExcludeFromDescription();
        return endpoints;
    }
}
