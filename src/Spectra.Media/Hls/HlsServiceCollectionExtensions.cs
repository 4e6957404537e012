using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Spectra.Media.Packaging;

namespace Spectra.Media.Hls;

public static class HlsServiceCollectionExtensions
{
    /// <summary>
    /// Registers the <see cref="HlsStreamRegistry"/> singleton, <see cref="HlsOriginOptions"/>
    /// ("Hls") and <see cref="PackagerOptions"/> ("Packaging", validated at start-up),
    /// and <see cref="TimeProvider.System"/> unless one is registered.
    /// </summary>
    public static IServiceCollection AddSpectraHls(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton(sp => new HlsStreamRegistry(sp.GetRequiredService<TimeProvider>())
        {
            EndedStreamLinger = sp.GetRequiredService<Microsoft.Extensions.Options.IOptions<HlsOriginOptions>>().Value.EndedStreamLinger,
        });
        services.AddOptions<HlsOriginOptions>().BindConfiguration(HlsOriginOptions.SectionName)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.AddOptions<PackagerOptions>()
            .BindConfiguration(PackagerOptions.SectionName)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        return services;
    }
}
