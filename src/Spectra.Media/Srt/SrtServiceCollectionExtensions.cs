using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Spectra.Media.Srt;

/// <summary>Registration of SRT ingest.</summary>
public static class SrtServiceCollectionExtensions
{
    /// <summary>
    /// Registers <see cref="SrtOptions"/> (keys <c>Ingest:Srt*</c>, validated at start-up) and the <see cref="SrtListener"/>
    /// as a singleton and hosted service (it does nothing when <see cref="SrtOptions.SrtPort"/> is 0). The application
    /// registers its <see cref="ISrtPublishHandler"/>.
    /// </summary>
    public static IServiceCollection AddSpectraSrt(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.AddOptions<SrtOptions>().BindConfiguration(SrtOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<SrtListener>();
        services.AddHostedService(sp => sp.GetRequiredService<SrtListener>());
        return services;
    }
}
