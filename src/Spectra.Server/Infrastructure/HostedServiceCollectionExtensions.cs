namespace Spectra.Server.Infrastructure;

internal static class HostedServiceCollectionExtensions
{
    /// <summary>Registers a hosted service that is also resolvable as itself (pages, hubs and tests call into it).</summary>
    public static IServiceCollection AddHostedSingleton<T>(this IServiceCollection services)
        where T : class, IHostedService
    {
        services.AddSingleton<T>();
        services.AddHostedService(sp => sp.GetRequiredService<T>());
        return services;
    }
}
