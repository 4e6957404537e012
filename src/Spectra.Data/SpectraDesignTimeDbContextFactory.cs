using Microsoft.EntityFrameworkCore.Design;

namespace Spectra.Data;

/// <summary>
/// Lets <c>dotnet ef</c> build either provider's context without starting the web host
/// (<c>--context SqliteSpectraDbContext</c> or <c>--context PostgresSpectraDbContext</c>; see
/// scripts/add-migration.sh). Adding a migration never connects, so the connection strings are
/// placeholders; pass <c>-- "connection string"</c> to point other commands at a real database.
/// </summary>
public sealed class SpectraDesignTimeDbContextFactory :
    IDesignTimeDbContextFactory<SqliteSpectraDbContext>,
    IDesignTimeDbContextFactory<PostgresSpectraDbContext>
{
    SqliteSpectraDbContext IDesignTimeDbContextFactory<SqliteSpectraDbContext>.CreateDbContext(string[] args) =>
        new(SpectraDbContext.Options<SqliteSpectraDbContext>(DatabaseProvider.Sqlite, ConnectionString(args, "Data Source=spectra-design.db")));

    PostgresSpectraDbContext IDesignTimeDbContextFactory<PostgresSpectraDbContext>.CreateDbContext(string[] args) =>
        new(SpectraDbContext.Options<PostgresSpectraDbContext>(DatabaseProvider.Postgres, ConnectionString(args, "Host=127.0.0.1;Database=spectra")));

    private static string ConnectionString(string[] args, string placeholder) =>
        args is [var connectionString, ..] && !string.IsNullOrWhiteSpace(connectionString) ? connectionString : placeholder;
}
