using System.ComponentModel.DataAnnotations;

namespace Spectra.Data;

/// <summary>Configuration section "Database".</summary>
public sealed class DatabaseOptions : IValidatableObject
{
    public const string SectionName = "Database";

    /// <summary>Sqlite (default) or Postgres. Environment: Database__Provider.</summary>
    public DatabaseProvider Provider { get; set; } = DatabaseProvider.Sqlite;

    /// <summary>
    /// Provider connection string. Empty with SQLite means "spectra.db in the data directory".
    /// Required with PostgreSQL. Environment: Database__ConnectionString.
    /// </summary>
    public string ConnectionString { get; set; } = "";

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (Provider == DatabaseProvider.Postgres && string.IsNullOrWhiteSpace(ConnectionString))
        {
            yield return new ValidationResult("Database:ConnectionString is required with the Postgres provider.", [nameof(ConnectionString)]);
        }
    }
}
