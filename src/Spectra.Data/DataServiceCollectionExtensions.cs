using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;

namespace Spectra.Data;

public static class DataServiceCollectionExtensions
{
    /// <summary>Registers <see cref="SpectraDbContext"/> (pooled) on the configured provider.</summary>
    public static IServiceCollection AddSpectraDbContext(this IServiceCollection services, DatabaseOptions options, string dataDirectory)
    {
        ArgumentNullException.ThrowIfNull(options);
        var connectionString = ResolveConnectionString(options, dataDirectory);
        services.AddDbContextPool<SpectraDbContext>(builder => Configure(builder, options.Provider, connectionString));
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

        // Migrations are written by hand without a model snapshot; the model is checked against the
        // migrated schema by the conformance tests instead.
        builder.ConfigureWarnings(w => w.Ignore(RelationalEventId.PendingModelChangesWarning));
    }
}
