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
    /// Maps the HLS origin under <paramref name="prefix"/>:
    /// <code>
    /// {prefix}/{channel}/master.m3u8                 master playlist
    /// {prefix}/{channel}/thumbnail.jpg               latest still
    /// {prefix}/{channel}/{rendition}/index.m3u8      media playlist
    /// {prefix}/{channel}/{rendition}/init-{key}.mp4  init segment of one generation (immutable)
    /// {prefix}/{channel}/{rendition}/init.mp4        init segment of the current generation
    /// {prefix}/{channel}/{rendition}/{sequence}.m4s  media segment (immutable)
    /// {prefix}/{channel}/{rendition}/{sequence}.{part}.m4s  LL-HLS part (immutable)
    /// </code>
    /// Media playlists honour the LL-HLS delivery directives _HLS_msn, _HLS_part and _HLS_skip.
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
        group.MapMethods("{channel}/master.m3u8", GetHead, origin.MasterAsync);
        group.MapMethods("{channel}/thumbnail.jpg", GetHead, origin.ThumbnailAsync);
        group.MapMethods("{channel}/{rendition}/index.m3u8", GetHead, origin.MediaPlaylistAsync);
        group.MapMethods("{channel}/{rendition}/{file}", GetHead, origin.RenditionFileAsync);
        group.MapMethods("{**path}", Options, origin.PreflightAsync);
        return group;
    }
}
