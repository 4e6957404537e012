namespace Spectra.Data;

public enum DatabaseProvider
{
    /// <summary>Embedded SQLite file under the data directory (default, nothing to install).</summary>
    Sqlite,

    /// <summary>A PostgreSQL server reached through Npgsql (scaled-out deployments).</summary>
    Postgres,
}
