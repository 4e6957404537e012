using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Spectra.Storage.Internal;

namespace Spectra.Storage;

public static class StorageServiceCollectionExtensions
{
    /// <summary>
    /// Registers <see cref="IObjectStore"/> as configured in section "Storage" (<see cref="ObjectStoreOptions"/>,
    /// validated at start-up); a local store without a directory of its own uses <paramref name="dataDirectory"/>.
    /// </summary>
    public static IServiceCollection AddObjectStore(this IServiceCollection services, string dataDirectory)
    {
        services.AddOptions<ObjectStoreOptions>()
            .BindConfiguration(ObjectStoreOptions.SectionName)
            .PostConfigure(options =>
            {
                if (string.IsNullOrWhiteSpace(options.LocalDirectory))
                {
                    options.LocalDirectory = dataDirectory;
                }
            })
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.AddSingleton<IObjectStore>(provider =>
        {
            var options = provider.GetRequiredService<IOptions<ObjectStoreOptions>>().Value;
            return options.Provider switch
            {
                ObjectStoreProvider.S3 => new S3ObjectStore(options.S3, provider.GetRequiredService<ILogger<S3ObjectStore>>()),
                _ => new FileSystemObjectStore(options.LocalDirectory!),
            };
        });
        return services;
    }
}
