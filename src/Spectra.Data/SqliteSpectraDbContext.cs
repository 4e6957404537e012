using Microsoft.EntityFrameworkCore;

namespace Spectra.Data;

/// <summary><see cref="SpectraDbContext"/> on SQLite; its migrations are under <c>Migrations/Sqlite</c>.</summary>
public sealed class SqliteSpectraDbContext(DbContextOptions<SqliteSpectraDbContext> options) : SpectraDbContext(options);
