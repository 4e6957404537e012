using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Logging;
using Spectra.Media.Hls;
using Spectra.Media.Packaging;
using Spectra.Media.Transcoding;

namespace Spectra.Media.Live;

public static class MediaServiceCollectionExtensions
{
    /// <summary>
    /// Registers the media plane: everything of <see cref="HlsServiceCollectionExtensions.AddSpectraHls"/>,
    /// <see cref="LadderOptions"/> (section "Transcoding") and <see cref="LiveStreamOptions"/>
    /// (section "LiveStreams"), both validated at start-up, and the <see cref="LiveStreamManager"/> singleton.
    /// </summary>
    public static IServiceCollection AddSpectraMedia(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.AddSpectraHls();
        services.AddOptions<LadderOptions>().BindConfiguration(LadderOptions.SectionName).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<LadderOptions>, LadderOptionsValidator>());
        services.AddOptions<LiveStreamOptions>()
            .BindConfiguration(LiveStreamOptions.SectionName)
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
                "LiveStreams is invalid: MaxQueuedBytes ≥ 64 KiB, MaxQueuedTags ≥ 16, HealthInterval 0.5–60 s, ProbeDuration 0–30 s, MaxKeyframeInterval > 0, TranscoderStallTimeout 2–120 s, MinTranscoderSpeed 0–2.")
            .ValidateOnStart();
        services.TryAddSingleton(sp => new LiveStreamManager(
            sp.GetRequiredService<IOptionsMonitor<LadderOptions>>(),
            sp.GetRequiredService<IOptionsMonitor<LiveStreamOptions>>(),
            sp.GetRequiredService<IOptionsMonitor<PackagerOptions>>(),
            sp.GetRequiredService<HlsStreamRegistry>(),
            sp.GetRequiredService<ILoggerFactory>(),
            sp.GetRequiredService<TimeProvider>()));
        return services;
    }
}
