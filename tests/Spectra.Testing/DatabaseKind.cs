namespace Spectra.Testing;

public enum DatabaseKind
{
    Sqlite,
    Postgres,
}
