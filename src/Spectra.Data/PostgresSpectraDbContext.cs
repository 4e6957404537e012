using Microsoft.EntityFrameworkCore;

namespace Spectra.Data;

/// <summary><see cref="SpectraDbContext"/> on PostgreSQL; its migrations are under <c>Migrations/Postgres</c>.</summary>
public sealed class PostgresSpectraDbContext(DbContextOptions<PostgresSpectraDbContext> options) : SpectraDbContext(options);
