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
            .Validate(static o => o.EndedStreamLinger >= TimeSpan.Zero && o.EndedStreamLinger <= TimeSpan.FromMinutes(10), "Hls:EndedStreamLinger must be 0–10 min.")
            .ValidateOnStart();
        services.AddOptions<PackagerOptions>()
            .BindConfiguration(PackagerOptions.SectionName)
            .Validate(
                static options =>
                {
                    try
                    {
                        options.Validate();
                        return true;
                    }
                    catch (ArgumentOutOfRangeException)
                    {
                        return false;
                    }
                },
                "Packaging is invalid: TargetSegmentDuration 0.5–6 s, WindowSegmentCount 3–1000, MaxBoxSize 64 KiB–2 GiB, MaxSegmentSize ≥ 64 KiB.")
            .ValidateOnStart();
        return services;
    }
}
