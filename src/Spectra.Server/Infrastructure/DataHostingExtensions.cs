using System.Security.Cryptography.X509Certificates;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Spectra.Data;
using Spectra.Data.Migrations;
using Spectra.Storage;

namespace Spectra.Server.Infrastructure;

internal static partial class DataHostingExtensions
{
    /// <summary>Database (SQLite by default), data directory, object store (local disk by default) and the Data Protection key ring.</summary>
    public static IHostApplicationBuilder AddSpectraData(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<StorageOptions>().BindConfiguration(StorageOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<DatabaseOptions>().BindConfiguration(DatabaseOptions.SectionName)
            .ValidateDataAnnotations()
            .ValidateOnStart();

        var storage = builder.Configuration.GetSection(StorageOptions.SectionName).Get<StorageOptions>() ?? new StorageOptions();
        var database = builder.Configuration.GetSection(DatabaseOptions.SectionName).Get<DatabaseOptions>() ?? new DatabaseOptions();
        CreatePrivateDirectory(storage.FullDataDirectory);
        services.AddSpectraDbContext(database, storage.FullDataDirectory);
        services.AddObjectStore(storage.FullDataDirectory);
        services.TryAddSingleton(TimeProvider.System);

        var keyRing = services.AddDataProtection()
            .SetApplicationName("Spectra")
            .PersistKeysToFileSystem(new DirectoryInfo(Path.Combine(storage.FullDataDirectory, "keys")));
        if (!string.IsNullOrEmpty(storage.KeyRingCertificatePath))
        {
            keyRing.ProtectKeysWithCertificate(X509CertificateLoader.LoadPkcs12FromFile(storage.KeyRingCertificatePath, storage.KeyRingCertificatePassword));
        }

        return builder;
    }

    /// <summary>Applies pending migrations; an existing database is upgraded in place.</summary>
    public static async Task MigrateDatabaseAsync(this IServiceProvider services, CancellationToken cancellationToken = default)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<SpectraDbContext>();
        var logger = scope.ServiceProvider.GetRequiredService<ILoggerFactory>().CreateLogger("Spectra.Data");
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

        if (db.Database.IsSqlite() && !OperatingSystem.IsWindows())
        {
            var file = Path.GetFullPath(((SqliteConnection)db.Database.GetDbConnection()).DataSource);
            if (File.Exists(file))
            {
                File.SetUnixFileMode(file, UnixFileMode.UserRead | UnixFileMode.UserWrite);
            }
        }
    }

    /// <summary>
    /// The data folder holds the database, the key ring and uploads: only the server's own user may
    /// enter it (0700), also when it already existed with looser permissions.
    /// </summary>
    private static void CreatePrivateDirectory(string path)
    {
        if (OperatingSystem.IsWindows())
        {
            Directory.CreateDirectory(path);
            return;
        }

        const UnixFileMode OwnerOnly = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;
        Directory.CreateDirectory(path, OwnerOnly);
        if (File.GetUnixFileMode(path) != OwnerOnly)
        {
            File.SetUnixFileMode(path, OwnerOnly);
        }
    }

    [LoggerMessage(EventId = 1101, Level = LogLevel.Information, Message = "Applying {Count} database migration(s): {Migrations}")]
    private static partial void LogMigrating(ILogger logger, int count, string migrations);
}
