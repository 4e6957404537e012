using Microsoft.AspNetCore.DataProtection;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Spectra.Data;
using Spectra.Data.Migrations;

namespace Spectra.Server.Infrastructure;

internal static partial class DataHostingExtensions
{
    /// <summary>Database (SQLite by default), data directory and the Data Protection key ring.</summary>
    public static IHostApplicationBuilder AddSpectraData(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<StorageOptions>().BindConfiguration(StorageOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<DatabaseOptions>().BindConfiguration(DatabaseOptions.SectionName)
            .ValidateDataAnnotations()
            .ValidateOnStart();

        var storage = builder.Configuration.GetSection(StorageOptions.SectionName).Get<StorageOptions>() ?? new StorageOptions();
        var database = builder.Configuration.GetSection(DatabaseOptions.SectionName).Get<DatabaseOptions>() ?? new DatabaseOptions();
        Directory.CreateDirectory(storage.FullDataDirectory);
        services.AddSpectraDbContext(database, storage.FullDataDirectory);
        services.TryAddSingleton(TimeProvider.System);

        services.AddDataProtection()
            .SetApplicationName("Spectra")
            .PersistKeysToFileSystem(new DirectoryInfo(Path.Combine(storage.FullDataDirectory, "keys")));
        return builder;
    }

    /// <summary>Applies pending migrations; an existing database is upgraded in place.</summary>
    public static async Task MigrateDatabaseAsync(this IServiceProvider services, CancellationToken cancellationToken = default)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<SpectraDbContext>();
        var logger = scope.ServiceProvider.GetRequiredService<ILoggerFactory>().CreateLogger("Spectra.Data");
        // Asking a new PostgreSQL database for applied migrations logs a failed query on the missing
        // history table, so check that the table exists first.
        // Querying applied migrations on a new PostgreSQL database logs a failed query on the missing
        // history table (here and inside Migrate), so create the table first.
        var history = db.GetService<IHistoryRepository>();
        await db.Database.ExecuteSqlRawAsync(history.GetCreateIfNotExistsScript(), cancellationToken);
        await HandWrittenMigrationHistory.ThrowIfPartlyAppliedAsync(db.Database, cancellationToken);

        var pending = (await db.Database.GetPendingMigrationsAsync(cancellationToken)).ToList();
        if (db.Database.IsSqlite())
        {
            // Write-ahead logging lets readers proceed while one writer commits.
            var connection = (SqliteConnection)db.Database.GetDbConnection();
            Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(connection.DataSource)) ?? ".");
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", cancellationToken);
        }

        if (pending.Count > 0)
        {
            LogMigrating(logger, pending.Count, string.Join(", ", pending));
            await db.Database.MigrateAsync(cancellationToken);
        }
    }

    [LoggerMessage(EventId = 1101, Level = LogLevel.Information, Message = "Applying {Count} database migration(s): {Migrations}")]
    private static partial void LogMigrating(ILogger logger, int count, string migrations);
}
