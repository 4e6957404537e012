using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Spectra.Rtmp.Internal;

namespace Spectra.Rtmp;

/// <summary>Registration of the RTMP ingest server.</summary>
public static class RtmpServiceCollectionExtensions
{
    /// <summary>
    /// Registers <see cref="RtmpConnectionHandler"/> and <see cref="RtmpOptions"/> bound from the configuration section
    /// <c>Rtmp</c> (then <paramref name="configure"/>), validated at start-up. The application registers its own
    /// <see cref="IRtmpPublishHandler"/>.
    /// </summary>
    public static IServiceCollection AddSpectraRtmp(this IServiceCollection services, Action<RtmpOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        var options = services.AddOptions<RtmpOptions>().BindConfiguration(RtmpOptions.SectionName);
        if (configure is not null)
        {
            options.Configure(configure);
        }

        options.ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<RtmpOptions>, RtmpOptionsValidator>());
        services.TryAddSingleton<RtmpConnectionHandler>();
        return services;
    }
}
