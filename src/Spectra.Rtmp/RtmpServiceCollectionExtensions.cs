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
    /// <see cref="IRtmpPublishHandler"/>, and an <see cref="IRtmpPlayHandler"/> to serve players.
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
        services.AddMetrics();
        services.TryAddSingleton<RtmpConnectionRegistry>();
        services.TryAddSingleton(static sp => new RtmpConnectionHandler(
            sp.GetRequiredService<IRtmpPublishHandler>(),
            sp.GetRequiredService<IOptions<RtmpOptions>>(),
            sp.GetRequiredService<RtmpConnectionRegistry>(),
            sp.GetRequiredService<Microsoft.Extensions.Logging.ILogger<RtmpConnectionHandler>>(),
            sp.GetService<IRtmpPlayHandler>()));
        return services;
    }
}
