namespace Spectra.Data;

/// <summary>Configuration section "Database".</summary>
public sealed class DatabaseOptions
{
    public const string SectionName = "Database";

    /// <summary>Sqlite (default) or Postgres. Environment: Database__Provider.</summary>
    public DatabaseProvider Provider { get; set; } = DatabaseProvider.Sqlite;

    /// <summary>
    /// Provider connection string. Empty with SQLite means "spectra.db in the data directory".
    /// Required with PostgreSQL. Environment: Database__ConnectionString.
    /// </summary>
    public string ConnectionString { get; set; } = "";
}
