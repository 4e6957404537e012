using Microsoft.Extensions.DependencyInjection.Extensions;
using Spectra.Media;
using Spectra.Media.Dash;
using Spectra.Media.Hls;
using Spectra.Media.Live;
using Spectra.Media.Srt;
using Spectra.Rtmp;
using Spectra.Server.Live.Internal;

namespace Spectra.Server.Live;

internal static class LiveServiceCollectionExtensions
{
    /// <summary>
    /// Live video: RTMP ingest (section "Rtmp"), SRT ingest ("Ingest:Srt*"), the media plane (sections "Transcoding", "Packaging",
    /// "Hls"), live sessions and state ("Live"), the publish decision and the live events stream.
    /// </summary>
    public static IHostApplicationBuilder AddSpectraLive(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var services = builder.Services;
        services.AddOptions<LiveOptions>().BindConfiguration(LiveOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.AddSpectraRtmp();
        services.AddSpectraMedia();
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<LiveSessionStore>();

        // Live channels with viewer counts for lists, discovery, search and analytics (community's
        // ILiveChannelDirectory). Started before everything else that follows the stream events, so they see
        // the channel live. Chat finds a channel's session from the database (open StreamSession rows, cached
        // briefly), which also holds after a restart mid-stream.
        services.AddSingleton<LiveChannelTracker>();
        services.AddSingleton<Community.ILiveChannelDirectory>(sp => sp.GetRequiredService<LiveChannelTracker>());
        services.AddHostedService(sp => sp.GetRequiredService<LiveChannelTracker>());

        services.AddSingleton(sp => new LiveSessionManager(
            sp.GetRequiredService<LiveStreamManager>(),
            sp.GetRequiredService<LiveSessionStore>(),
            sp.GetRequiredService<Events.IEventBus>(),
            sp.GetRequiredService<Microsoft.Extensions.Options.IOptions<LiveOptions>>(),
            sp.GetRequiredService<TimeProvider>(),
            sp.GetRequiredService<ILogger<LiveSessionManager>>()));
        services.AddHostedService(sp => sp.GetRequiredService<LiveSessionManager>());
        services.AddSingleton<IRtmpPublishHandler, LivePublishHandler>();
        services.AddSingleton<IRtmpPlayHandler, LivePlayHandler>();

        // SRT ingest (keys Ingest:Srt*): binds the HTTP address unless Ingest:SrtAddress names one.
        services.AddSpectraSrt();
        services.AddOptions<SrtOptions>().PostConfigure<IConfiguration>((srt, configuration) =>
        {
            if (srt.SrtAddress.Length == 0)
            {
                srt.SrtAddress = configuration["Http:Address"] switch
                {
                    null or "" or "*" => "",
                    "localhost" => "127.0.0.1",
                    var address => address,
                };
            }
        });
        services.AddSingleton<ISrtPublishHandler, SrtPublishHandler>();
        services.AddSingleton<LiveEventBroadcaster>();
        services.AddHostedService(sp => sp.GetRequiredService<LiveEventBroadcaster>());
        services.AddScoped<LiveDirectory>();

        return builder;
    }

    /// <summary>
    /// The HLS origin under /hls, MPEG-DASH manifests under /dash, server-sent live events at /live/events, HTTP-FLV and WebSocket-FLV at
    /// /live/{channel}.flv, live endpoints of the REST API.
    /// </summary>
    public static IEndpointRouteBuilder MapSpectraLive(this IEndpointRouteBuilder endpoints, RouteGroupBuilder api)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        ArgumentNullException.ThrowIfNull(api);
        endpoints.MapHlsOrigin(MediaUrls.HlsPrefix);
        endpoints.MapDashOrigin(MediaUrls.DashPrefix);
        endpoints.MapGet("/live/events", LiveEventsEndpoint.HandleAsync).ExcludeFromDescription();
        endpoints.MapLiveFlv();
        api.MapLiveApi();
        return endpoints;
    }
}
