using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Spectra.Data;

namespace Spectra.Bench.Community;

/// <summary>
/// Prints the database's plan for the statements the scenarios exercise (EXPLAIN QUERY PLAN on
/// SQLite, EXPLAIN ANALYZE on PostgreSQL for read-only statements), with literals taken from the
/// seeded corpus. The SQL mirrors what the services send; it is printed, not asserted.
/// </summary>
public sealed class QueryPlans(IServiceProvider services, bool isSqlite)
{
    public string Guid(Guid value) => isSqlite ? $"'{value.ToString().ToUpperInvariant()}'" : $"'{value}'::uuid";

    public string Time(DateTime value) => isSqlite
        ? $"'{value.ToString("yyyy-MM-dd HH:mm:ss.FFFFFFF", CultureInfo.InvariantCulture)}'"
        : $"'{value.ToString("yyyy-MM-dd HH:mm:ss.ffffff", CultureInfo.InvariantCulture)}+00'::timestamptz";

    public async Task PrintAsync(string title, string sql)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<SpectraDbContext>();
        var connection = db.Database.GetDbConnection();
        await db.Database.OpenConnectionAsync();
        await using var command = connection.CreateCommand();
        var readOnly = sql.TrimStart().StartsWith("SELECT", StringComparison.OrdinalIgnoreCase);
        command.CommandText = (isSqlite ? "EXPLAIN QUERY PLAN " : readOnly ? "EXPLAIN (ANALYZE, COSTS OFF) " : "EXPLAIN (COSTS OFF) ") + sql;
        Console.WriteLine($"plan: {title}");
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            // SQLite: id, parent, notused, detail; PostgreSQL: one text column per line.
            Console.WriteLine("  " + (isSqlite ? reader.GetString(3) : reader.GetString(0)));
        }
    }
}
