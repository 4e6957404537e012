using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql;
using Spectra.Data;
using Spectra.Testing;

namespace Spectra.IntegrationTests.Data;

/// <summary>
/// The hand-written migrations must produce exactly the schema the model describes, on both
/// providers, and must upgrade an existing database without losing rows.
/// </summary>
public sealed class MigrationTests
{
    [Theory]
    [InlineData(DatabaseKind.Sqlite)]
    [InlineData(DatabaseKind.Postgres)]
    public async Task Migrations_ProduceTheModelSchema(DatabaseKind database)
    {
        var (migrated, migratedCleanup) = await CreateContextAsync(database);
        var (created, createdCleanup) = await CreateContextAsync(database);
        try
        {
            await migrated.Database.MigrateAsync();
            await created.Database.EnsureCreatedAsync();

            var expected = await ColumnsAsync(created, database);
            var actual = await ColumnsAsync(migrated, database);

            Assert.Empty(expected.Except(actual));
            Assert.Empty(actual.Except(expected));

            var expectedIndexes = await IndexesAsync(created, database);
            var actualIndexes = await IndexesAsync(migrated, database);
            Assert.Empty(expectedIndexes.Except(actualIndexes));
            Assert.Empty(actualIndexes.Except(expectedIndexes));
        }
        finally
        {
            await migrated.DisposeAsync();
            await created.DisposeAsync();
            migratedCleanup();
            createdCleanup();
        }
    }

    [Theory]
    [InlineData(DatabaseKind.Sqlite)]
    [InlineData(DatabaseKind.Postgres)]
    public async Task Migrate_FromFirstVersion_KeepsExistingRows(DatabaseKind database)
    {
        var (db, cleanup) = await CreateContextAsync(database);
        try
        {
            var migrator = db.GetService<IMigrator>();
            await migrator.MigrateAsync("20261121160000_Foundation");
            var userId = Guid.NewGuid();
            await db.Database.ExecuteSqlRawAsync(
                "INSERT INTO \"Users\" (\"Id\", \"UserName\", \"NormalizedUserName\", \"PasswordHash\", \"SecurityStamp\", \"IsAdmin\", \"CreatedAt\", \"AccessFailedCount\") VALUES ({0}, 'old_user', 'OLD_USER', 'hash', 'stamp', {1}, {2}, 0)",
                userId, false, DateTime.UtcNow);

            await db.Database.MigrateAsync();

            Assert.Empty(await db.Database.GetPendingMigrationsAsync());
            var user = await db.Users.AsNoTracking().SingleAsync(u => u.Id == userId);
            Assert.Equal("old_user", user.UserName);
            Assert.Equal(25, await db.Categories.CountAsync());
        }
        finally
        {
            await db.DisposeAsync();
            cleanup();
        }
    }

    private static async Task<(SpectraDbContext Db, Action Cleanup)> CreateContextAsync(DatabaseKind database)
    {
        var options = new DbContextOptionsBuilder<SpectraDbContext>();
        if (database == DatabaseKind.Sqlite)
        {
            var file = Path.Combine(Path.GetTempPath(), "spectra-mig-" + Guid.NewGuid().ToString("N") + ".db");
            DataServiceCollectionExtensions.Configure(options, DatabaseProvider.Sqlite, $"Data Source={file};Pooling=false");
            return (new SpectraDbContext(options.Options), () => File.Delete(file));
        }

        DataServiceCollectionExtensions.Configure(options, DatabaseProvider.Postgres, await PostgresServer.CreateDatabaseConnectionStringAsync());
        return (new SpectraDbContext(options.Options), () => NpgsqlConnection.ClearAllPools());
    }

    /// <summary>"table.column type nullability" for every user table.</summary>
    private static Task<HashSet<string>> ColumnsAsync(SpectraDbContext db, DatabaseKind database) =>
        QueryAsync(db, database == DatabaseKind.Sqlite
            ? "SELECT m.name, p.name, p.type, p.\"notnull\" FROM sqlite_master m JOIN pragma_table_info(m.name) p WHERE m.type = 'table' AND m.name NOT LIKE 'sqlite_%' AND m.name NOT LIKE '__EF%'"
            : "SELECT table_name, column_name, data_type, is_nullable FROM information_schema.columns WHERE table_schema = 'public' AND table_name NOT LIKE '__EF%'");

    /// <summary>"table index definition" for every index of the user tables (name, columns, uniqueness, filter).</summary>
    private static Task<HashSet<string>> IndexesAsync(SpectraDbContext db, DatabaseKind database) =>
        QueryAsync(db, database == DatabaseKind.Sqlite
            ? "SELECT tbl_name, name, sql FROM sqlite_master WHERE type = 'index' AND name NOT LIKE 'sqlite_%' AND tbl_name NOT LIKE '__EF%'"
            : "SELECT tablename, indexname, indexdef FROM pg_indexes WHERE schemaname = 'public' AND tablename NOT LIKE '__EF%'");

    private static async Task<HashSet<string>> QueryAsync(SpectraDbContext db, string sql)
    {
        var result = new HashSet<string>();
        var connection = db.Database.GetDbConnection();
        await db.Database.OpenConnectionAsync();
        try
        {
            await using var command = connection.CreateCommand();
            command.CommandText = sql;
            await using var reader = await command.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                var values = new object[reader.FieldCount];
                reader.GetValues(values);
                result.Add(string.Join(' ', values));
            }
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }

        return result;
    }
}
