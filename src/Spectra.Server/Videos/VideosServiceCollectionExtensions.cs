using Spectra.Media.Recording;
using Spectra.Server.Videos.Internal;

namespace Spectra.Server.Videos;

internal static class VideosServiceCollectionExtensions
{
    /// <summary>
    /// Past broadcasts: recording of live sessions (section "Recording"), videos and their VOD origin. Added
    /// before live video so that, stopping after it, it still closes the recordings of the sessions the live
    /// manager ends at shutdown.
    /// </summary>
    public static IHostApplicationBuilder AddSpectraVideos(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var services = builder.Services;
        services.AddSpectraRecording();
        services.AddOptions<VideosOptions>().BindConfiguration(VideosOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.AddMemoryCache();
        services.AddSingleton<VodCatalog>();
        services.AddSingleton<VideoDownloads>();
        services.AddSingleton<VideoRecordingCoordinator>();
        services.AddHostedService(sp => sp.GetRequiredService<VideoRecordingCoordinator>());
        services.AddSingleton<VideoRetentionSweeper>();
        services.AddHostedService(sp => sp.GetRequiredService<VideoRetentionSweeper>());
        services.AddScoped<VideoService>();
        services.AddSingleton<RecordingState>();
        return builder;
    }

    /// <summary>The VOD origin under /vod and the videos API.</summary>
    public static IEndpointRouteBuilder MapSpectraVideos(this IEndpointRouteBuilder endpoints, RouteGroupBuilder api)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        ArgumentNullException.ThrowIfNull(api);
        endpoints.MapVod();
        api.MapVideosApi();
        return endpoints;
    }
}
