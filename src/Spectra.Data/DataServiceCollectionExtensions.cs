using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Spectra.Data;

public static class DataServiceCollectionExtensions
{
    /// <summary>
    /// Registers <see cref="SpectraDbContext"/> (pooled) on the configured provider. The instance is
    /// the provider's derived context, so migrations come from that provider's set.
    /// </summary>
    public static IServiceCollection AddSpectraDbContext(this IServiceCollection services, DatabaseOptions options, string dataDirectory)
    {
        ArgumentNullException.ThrowIfNull(options);
        var provider = options.Provider;
        var connectionString = ResolveConnectionString(options, dataDirectory);
        _ = provider switch
        {
            DatabaseProvider.Sqlite => services.AddDbContextPool<SpectraDbContext, SqliteSpectraDbContext>(builder => Configure(builder, provider, connectionString)),
            DatabaseProvider.Postgres => services.AddDbContextPool<SpectraDbContext, PostgresSpectraDbContext>(builder => Configure(builder, provider, connectionString)),
            _ => throw new ArgumentOutOfRangeException(nameof(options), provider, "Unknown database provider."),
        };
        return services;
    }

    public static string ResolveConnectionString(DatabaseOptions options, string dataDirectory)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (options.Provider == DatabaseProvider.Sqlite && string.IsNullOrWhiteSpace(options.ConnectionString))
        {
            return $"Data Source={Path.Combine(dataDirectory, "spectra.db")}";
        }

        return options.ConnectionString;
    }

    public static void Configure(DbContextOptionsBuilder builder, DatabaseProvider provider, string connectionString)
    {
        ArgumentNullException.ThrowIfNull(builder);
        switch (provider)
        {
            case DatabaseProvider.Sqlite:
                builder.UseSqlite(connectionString);
                break;
            case DatabaseProvider.Postgres:
                builder.UseNpgsql(connectionString);
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(provider), provider, "Unknown database provider.");
        }
    }
}
