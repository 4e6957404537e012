using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Spectra.Media.Dash.Internal;
using Spectra.Media.Hls.Internal;
using Spectra.Media.Hls;

namespace Spectra.Media.Dash;

public static class DashOriginEndpointRouteBuilderExtensions
{
    private static readonly string[] GetHead = ["GET", "HEAD"];
    private static readonly string[] Options = ["OPTIONS"];

    /// <summary>
    /// Maps MPEG-DASH under <paramref name="prefix"/> with the layout <see cref="MediaUrls"/> describes: the
    /// dynamic MPD of each live channel ({channel}/manifest.mpd), the clock its UTCTiming names (time), and
    /// the HLS origin's init segments and segments under DASH numbers. Needs
    /// <see cref="HlsServiceCollectionExtensions.AddSpectraHls"/>.
    /// </summary>
    public static IEndpointConventionBuilder MapDashOrigin(this IEndpointRouteBuilder endpoints, string prefix = MediaUrls.DashPrefix)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        ArgumentNullException.ThrowIfNull(prefix);
        var services = endpoints.ServiceProvider;
        var registry = services.GetRequiredService<HlsStreamRegistry>();
        var options = services.GetRequiredService<IOptions<HlsOriginOptions>>().Value;
        var partTarget = services.GetRequiredService<IOptions<Packaging.PackagerOptions>>().Value.PartTargetDuration;
        var time = services.GetRequiredService<TimeProvider>();
        var loggers = services.GetRequiredService<ILoggerFactory>();
        var files = new HlsOrigin(registry, options, partTarget, time, loggers.CreateLogger("Spectra.Media.Hls.HlsOrigin"));
        var origin = new DashOrigin(registry, options, partTarget, time, loggers.CreateLogger("Spectra.Media.Dash.DashOrigin"), files);
        var group = endpoints.MapGroup(prefix);
        group.MapMethods(MediaUrls.DashTimeRoute, GetHead, origin.TimeAsync);
        group.MapMethods(MediaUrls.DashManifestRoute, GetHead, origin.ManifestAsync);
        group.MapMethods(MediaUrls.DashInitRoute, GetHead, origin.InitAsync);
        group.MapMethods(MediaUrls.DashSegmentRoute, GetHead, origin.SegmentAsync);
        group.MapMethods("{**path}", Options, origin.PreflightAsync);
        return group;
    }
}
