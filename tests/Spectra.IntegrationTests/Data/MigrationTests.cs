using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql;
using Spectra.Data;
using Spectra.Data.Migrations;
using Spectra.IntegrationTests.Data.HandWrittenMigrations;
using Spectra.Testing;

namespace Spectra.IntegrationTests.Data;

/// <summary>
/// Each provider's generated migrations must produce exactly the schema the model describes, must
/// capture every model change, and must take over a database that the earlier hand-written
/// migrations created, in place and without losing rows.
/// </summary>
public sealed class MigrationTests
{
    private const string LastHandWrittenId = "20261121210000_CommunityRetention";

    [Theory]
    [InlineData(DatabaseKind.Sqlite)]
    [InlineData(DatabaseKind.Postgres)]
    public async Task Migrations_ProduceTheModelSchema(DatabaseKind database)
    {
        var (migrated, migratedCleanup) = await CreateDatabaseAsync(database);
        var (created, createdCleanup) = await CreateDatabaseAsync(database);
        try
        {
            await using var migratedDb = SpectraDbContext.Create(Provider(database), migrated);
            await using var createdDb = SpectraDbContext.Create(Provider(database), created);
            await migratedDb.Database.MigrateAsync();
            await createdDb.Database.EnsureCreatedAsync();

            await AssertSameSchemaAsync(createdDb, migratedDb, database);
            Assert.Equal(25, await migratedDb.Categories.CountAsync());
        }
        finally
        {
            migratedCleanup();
            createdCleanup();
        }
    }

    [Theory]
    [InlineData(DatabaseKind.Sqlite)]
    [InlineData(DatabaseKind.Postgres)]
    public void Model_HasNoChangesMissingFromMigrations(DatabaseKind database)
    {
        // Compares the model with the provider's snapshot; nothing connects.
        using var db = SpectraDbContext.Create(Provider(database), database == DatabaseKind.Sqlite ? "Data Source=:memory:" : "Host=127.0.0.1;Database=unused");

        Assert.False(db.Database.HasPendingModelChanges(),
            $"The model has changes that no {database} migration captures: run scripts/add-migration.sh NAME.");
    }

    [Theory]
    [InlineData(DatabaseKind.Sqlite)]
    [InlineData(DatabaseKind.Postgres)]
    public async Task Migrate_DatabaseFromHandWrittenMigrations_UpgradesInPlaceAndKeepsRows(DatabaseKind database)
    {
        var (old, oldCleanup) = await CreateDatabaseAsync(database);
        var (created, createdCleanup) = await CreateDatabaseAsync(database);
        try
        {
            // A row written by the first release, then every later hand-written migration.
            var userId = Guid.NewGuid();
            await using (var handWritten = HandWrittenMigrationsDbContext.Create(Provider(database), old))
            {
                await handWritten.GetService<IMigrator>().MigrateAsync("20261121160000_Foundation");
                await handWritten.Database.ExecuteSqlRawAsync(
                    "INSERT INTO \"Users\" (\"Id\", \"UserName\", \"NormalizedUserName\", \"PasswordHash\", \"SecurityStamp\", \"IsAdmin\", \"CreatedAt\", \"AccessFailedCount\") VALUES ({0}, 'old_user', 'OLD_USER', 'hash', 'stamp', {1}, {2}, 0)",
                    userId, false, DateTime.UtcNow);
                await handWritten.Database.MigrateAsync();
                Assert.Equal(LastHandWrittenId, (await handWritten.Database.GetAppliedMigrationsAsync()).Last());
            }

            await using var db = SpectraDbContext.Create(Provider(database), old);
            await HandWrittenMigrationHistory.ThrowIfPartlyAppliedAsync(db.Database);
            // The baseline counts as applied; only the migrations generated after it run.
            var pending = await db.Database.GetPendingMigrationsAsync();
            Assert.Equal(db.Database.GetMigrations().SkipWhile(id => id != LastHandWrittenId).Skip(1), pending);
            await db.Database.MigrateAsync();
            Assert.Empty(await db.Database.GetPendingMigrationsAsync());

            var user = await db.Users.AsNoTracking().SingleAsync(u => u.Id == userId);
            Assert.Equal("old_user", user.UserName);
            Assert.Equal(25, await db.Categories.CountAsync());
            await using var createdDb = SpectraDbContext.Create(Provider(database), created);
            await createdDb.Database.EnsureCreatedAsync();
            await AssertSameSchemaAsync(createdDb, db, database);
        }
        finally
        {
            oldCleanup();
            createdCleanup();
        }
    }

    [Theory]
    [InlineData(DatabaseKind.Sqlite)]
    [InlineData(DatabaseKind.Postgres)]
    public async Task Migrate_PartlyAppliedHandWrittenMigrations_ThrowsBeforeChangingTheSchema(DatabaseKind database)
    {
        var (old, cleanup) = await CreateDatabaseAsync(database);
        try
        {
            await using (var handWritten = HandWrittenMigrationsDbContext.Create(Provider(database), old))
            {
                await handWritten.GetService<IMigrator>().MigrateAsync("20261121170000_Chat");
            }

            await using var db = SpectraDbContext.Create(Provider(database), old);
            var error = await Assert.ThrowsAsync<InvalidOperationException>(() => HandWrittenMigrationHistory.ThrowIfPartlyAppliedAsync(db.Database));
            Assert.Contains("20261121170000_Chat", error.Message, StringComparison.Ordinal);
        }
        finally
        {
            cleanup();
        }
    }

    private static DatabaseProvider Provider(DatabaseKind database) =>
        database == DatabaseKind.Sqlite ? DatabaseProvider.Sqlite : DatabaseProvider.Postgres;

    /// <summary>A new empty database: its connection string, and how to remove it.</summary>
    private static async Task<(string ConnectionString, Action Cleanup)> CreateDatabaseAsync(DatabaseKind database)
    {
        if (database == DatabaseKind.Sqlite)
        {
            var file = Path.Combine(Path.GetTempPath(), "spectra-mig-" + Guid.NewGuid().ToString("N") + ".db");
            return ($"Data Source={file};Pooling=false", () => File.Delete(file));
        }

        return (await PostgresServer.CreateDatabaseConnectionStringAsync(), NpgsqlConnection.ClearAllPools);
    }

    private static async Task AssertSameSchemaAsync(SpectraDbContext expectedDb, SpectraDbContext actualDb, DatabaseKind database)
    {
        foreach (var sql in SchemaQueries(database))
        {
            var expected = await QueryAsync(expectedDb, sql);
            var actual = await QueryAsync(actualDb, sql);
            var missing = expected.Except(actual).Order(StringComparer.Ordinal).ToList();
            var extra = actual.Except(expected).Order(StringComparer.Ordinal).ToList();
            Assert.True(missing.Count == 0 && extra.Count == 0,
                $"Schemas differ.\nMissing:\n  {string.Join("\n  ", missing)}\nUnexpected:\n  {string.Join("\n  ", extra)}");
        }
    }

    /// <summary>
    /// Every user table's columns (type, nullability, default, key or identity), its indexes (name,
    /// columns, uniqueness, filter) and its constraints (keys, foreign keys with their delete rule).
    /// </summary>
    private static string[] SchemaQueries(DatabaseKind database) => database == DatabaseKind.Sqlite
        ?
        [
            "SELECT m.name, p.name, p.type, p.\"notnull\", p.dflt_value, p.pk FROM sqlite_master m JOIN pragma_table_info(m.name) p WHERE m.type = 'table' AND m.name NOT LIKE 'sqlite_%' AND m.name NOT LIKE '__EF%'",
            "SELECT tbl_name, name, sql FROM sqlite_master WHERE type = 'index' AND name NOT LIKE 'sqlite_%' AND tbl_name NOT LIKE '__EF%'",
            "SELECT m.name, f.\"table\", f.\"from\", f.\"to\", f.on_update, f.on_delete FROM sqlite_master m JOIN pragma_foreign_key_list(m.name) f WHERE m.type = 'table' AND m.name NOT LIKE 'sqlite_%' AND m.name NOT LIKE '__EF%'",
        ]
        :
        [
            "SELECT table_name, column_name, data_type, character_maximum_length, is_nullable, column_default, is_identity FROM information_schema.columns WHERE table_schema = 'public' AND table_name NOT LIKE '__EF%'",
            "SELECT tablename, indexname, indexdef FROM pg_indexes WHERE schemaname = 'public' AND tablename NOT LIKE '__EF%'",
            "SELECT c.relname, k.conname, pg_get_constraintdef(k.oid) FROM pg_constraint k JOIN pg_class c ON c.oid = k.conrelid JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = 'public' AND c.relname NOT LIKE '__EF%'",
        ];

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
