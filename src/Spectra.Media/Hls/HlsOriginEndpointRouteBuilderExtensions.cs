using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Spectra.Media.Hls.Internal;

namespace Spectra.Media.Hls;

public static class HlsOriginEndpointRouteBuilderExtensions
{
    private static readonly string[] GetHead = ["GET", "HEAD"];
    private static readonly string[] Options = ["OPTIONS"];

    /// <summary>
    /// Maps the HLS origin under <paramref name="prefix"/>, with the layout <see cref="MediaUrls"/> describes:
    /// master playlist and thumbnail per channel, media playlist, init segments, segments and LL-HLS parts
    /// per rendition. Media playlists honour the LL-HLS delivery directives _HLS_msn, _HLS_part and _HLS_skip.
    /// GET and HEAD, single byte ranges, ETag/If-None-Match, CORS. Needs <see cref="HlsServiceCollectionExtensions.AddSpectraHls"/>.
    /// </summary>
    public static IEndpointConventionBuilder MapHlsOrigin(this IEndpointRouteBuilder endpoints, string prefix = MediaUrls.HlsPrefix)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        ArgumentNullException.ThrowIfNull(prefix);
        var services = endpoints.ServiceProvider;
        var origin = new HlsOrigin(
            services.GetRequiredService<HlsStreamRegistry>(),
            services.GetRequiredService<IOptions<HlsOriginOptions>>().Value,
            services.GetRequiredService<IOptions<Packaging.PackagerOptions>>().Value.PartTargetDuration,
            services.GetRequiredService<TimeProvider>(),
            services.GetRequiredService<ILoggerFactory>().CreateLogger("Spectra.Media.Hls.HlsOrigin"));
        var group = endpoints.MapGroup(prefix);
        group.MapMethods(MediaUrls.MasterPlaylistRoute, GetHead, origin.MasterAsync);
        group.MapMethods(MediaUrls.ThumbnailRoute, GetHead, origin.ThumbnailAsync);
        group.MapMethods(MediaUrls.MediaPlaylistRoute, GetHead, origin.MediaPlaylistAsync);
        group.MapMethods(MediaUrls.RenditionFileRoute, GetHead, origin.RenditionFileAsync);
        group.MapMethods("{**path}", Options, origin.PreflightAsync);
        return group;
    }
}
