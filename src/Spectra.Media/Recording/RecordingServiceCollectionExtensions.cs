using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Spectra.Media.Recording;

public static class RecordingServiceCollectionExtensions
{
    /// <summary>
    /// Registers <see cref="RecordingOptions"/> (section "Recording", validated at start-up) and the
    /// <see cref="LiveRecorderFactory"/>; needs an <see cref="Storage.IObjectStore"/> (AddSpectraStorage).
    /// </summary>
    public static IServiceCollection AddSpectraRecording(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.AddOptions<RecordingOptions>().BindConfiguration(RecordingOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.TryAddSingleton<LiveRecorderFactory>();
        return services;
    }
}
