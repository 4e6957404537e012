using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Spectra.Media.Dash.Internal;
using Spectra.Media.Hls;

namespace Spectra.Media.Dash;

public static class DashOriginEndpointRouteBuilderExtensions
{
    private static readonly string[] GetHead = ["GET", "HEAD"];
    private static readonly string[] Options = ["OPTIONS"];

    /// <summary>
    /// Maps MPEG-DASH under <paramref name="prefix"/>: the dynamic MPD of each live channel
    /// ({channel}/manifest.mpd) and the clock its UTCTiming names (time). The MPD's segment URLs are the
    /// HLS origin's, so <see cref="HlsOriginEndpointRouteBuilderExtensions.MapHlsOrigin"/> must be mapped at
    /// <see cref="MediaUrls.HlsPrefix"/> too. Needs <see cref="HlsServiceCollectionExtensions.AddSpectraHls"/>.
    /// </summary>
    public static IEndpointConventionBuilder MapDashOrigin(this IEndpointRouteBuilder endpoints, string prefix = MediaUrls.DashPrefix)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        ArgumentNullException.ThrowIfNull(prefix);
        var services = endpoints.ServiceProvider;
        var origin = new DashOrigin(
            services.GetRequiredService<HlsStreamRegistry>(),
            services.GetRequiredService<IOptions<HlsOriginOptions>>().Value,
            services.GetRequiredService<IOptions<Packaging.PackagerOptions>>().Value.PartTargetDuration,
            services.GetRequiredService<TimeProvider>(),
            services.GetRequiredService<ILoggerFactory>().CreateLogger("Spectra.Media.Dash.DashOrigin"));
        var group = endpoints.MapGroup(prefix);
        group.MapMethods(MediaUrls.DashTimeRoute, GetHead, origin.TimeAsync);
        group.MapMethods(MediaUrls.DashManifestRoute, GetHead, origin.ManifestAsync);
        group.MapMethods("{**path}", Options, origin.PreflightAsync);
        return group;
    }
}
