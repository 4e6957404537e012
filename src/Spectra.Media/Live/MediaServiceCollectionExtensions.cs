using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Spectra.Media.Delivery;
using Spectra.Media.Hls;
using Spectra.Media.Packaging;
using Spectra.Media.Transcoding;

namespace Spectra.Media.Live;

public static class MediaServiceCollectionExtensions
{
    /// <summary>
    /// Registers the media plane: everything of <see cref="HlsServiceCollectionExtensions.AddSpectraHls"/>,
    /// <see cref="LadderOptions"/> (section "Transcoding") and <see cref="LiveStreamOptions"/>
    /// (section "LiveStreams"), <see cref="Delivery.FlvFanOutOptions"/> (section "FlvDelivery"), all validated at
    /// start-up, and the <see cref="LiveStreamManager"/> singleton.
    /// </summary>
    public static IServiceCollection AddSpectraMedia(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.AddSpectraHls();
        services.AddOptions<LadderOptions>().BindConfiguration(LadderOptions.SectionName).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<LadderOptions>, LadderOptionsValidator>());
        services.AddOptions<LiveStreamOptions>()
            .BindConfiguration(LiveStreamOptions.SectionName)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.AddOptions<FlvFanOutOptions>()
            .BindConfiguration(FlvFanOutOptions.SectionName)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.TryAddSingleton(sp => new LiveStreamManager(
            sp.GetRequiredService<IOptionsMonitor<LadderOptions>>(),
            sp.GetRequiredService<IOptionsMonitor<LiveStreamOptions>>(),
            sp.GetRequiredService<IOptionsMonitor<PackagerOptions>>(),
            sp.GetRequiredService<HlsStreamRegistry>(),
            sp.GetRequiredService<ILoggerFactory>(),
            sp.GetRequiredService<TimeProvider>())
        {
            FlvOptions = sp.GetRequiredService<IOptionsMonitor<FlvFanOutOptions>>(),
        });
        return services;
    }
}
