using System.Data.Common;
using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace Spectra.Server.Community.Internal;

/// <summary>
/// Bulk INSERT through the context's connection and current transaction, for the search tables.
/// Values are converted the way EF stores them: on SQLite Guids as upper-case text and DateTimes as
/// "yyyy-MM-dd HH:mm:ss.FFFFFFF".
/// </summary>
internal static class BulkInsert
{
    /// <summary>Rows per PostgreSQL statement (one array parameter per column, so no parameter limit applies).</summary>
    private const int RowsPerArrayStatement = 50_000;

    public static async Task InsertAsync(DbContext db, string table, string[] columns, IReadOnlyList<object?[]> rows, string? conflictClause, CancellationToken ct)
    {
        if (rows.Count == 0)
        {
            return;
        }

        var isSqlite = db.Database.ProviderName?.Contains("Sqlite", StringComparison.Ordinal) == true;
        var connection = db.Database.GetDbConnection();
        if (connection.State != System.Data.ConnectionState.Open)
        {
            await db.Database.OpenConnectionAsync(ct);
        }

        var transaction = db.Database.CurrentTransaction?.GetDbTransaction();
        if (isSqlite)
        {
            await InsertPreparedAsync(connection, transaction, table, columns, rows, conflictClause, ct);
            return;
        }

        await InsertUnnestAsync(connection, transaction, table, columns, rows, conflictClause, ct);
    }

    /// <summary>
    /// PostgreSQL: one array parameter per column and <c>INSERT … SELECT * FROM unnest(…)</c>, so a
    /// statement carries up to <see cref="RowsPerArrayStatement"/> rows with a handful of parameters.
    /// </summary>
    private static async Task InsertUnnestAsync(DbConnection connection, DbTransaction? transaction, string table, string[] columns, IReadOnlyList<object?[]> rows, string? conflictClause, CancellationToken ct)
    {
        var columnList = string.Join(", ", columns.Select(c => "\"" + c + "\""));
        var names = columns.Select((_, i) => "@p" + i.ToString(CultureInfo.InvariantCulture)).ToArray();
        var sql = $"INSERT INTO \"{table}\" ({columnList}) SELECT * FROM unnest({string.Join(", ", names)}) {conflictClause}";
        for (var start = 0; start < rows.Count; start += RowsPerArrayStatement)
        {
            var count = Math.Min(RowsPerArrayStatement, rows.Count - start);
            await using var command = connection.CreateCommand();
            command.Transaction = transaction;
            command.CommandText = sql;
            for (var c = 0; c < columns.Length; c++)
            {
                var parameter = command.CreateParameter();
                parameter.ParameterName = names[c];
                parameter.Value = ColumnArray(rows, start, count, c);
                command.Parameters.Add(parameter);
            }

            await command.ExecuteNonQueryAsync(ct);
        }
    }

    /// <summary>A typed array (string[], Guid[], short[], …) of one column; the element type comes from the first non-null value.</summary>
    private static Array ColumnArray(IReadOnlyList<object?[]> rows, int start, int count, int column)
    {
        Type? type = null;
        for (var r = start; r < start + count && type is null; r++)
        {
            type = Convert(rows[r][column], isSqlite: false)?.GetType();
        }

        var array = Array.CreateInstance(type ?? typeof(string), count);
        for (var r = 0; r < count; r++)
        {
            array.SetValue(Convert(rows[start + r][column], isSqlite: false), r);
        }

        return array;
    }

    /// <summary>
    /// SQLite: one prepared single-row statement re-executed per row — the fastest path there
    /// (statement parsed once, no per-statement parameter lookups).
    /// </summary>
    private static async Task InsertPreparedAsync(DbConnection connection, DbTransaction? transaction, string table, string[] columns, IReadOnlyList<object?[]> rows, string? conflictClause, CancellationToken ct)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        var names = columns.Select((_, i) => "@p" + i.ToString(CultureInfo.InvariantCulture)).ToArray();
        command.CommandText = $"INSERT INTO \"{table}\" ({string.Join(", ", columns.Select(c => "\"" + c + "\""))}) VALUES ({string.Join(", ", names)}) {conflictClause}";
        var parameters = new DbParameter[columns.Length];
        for (var c = 0; c < columns.Length; c++)
        {
            parameters[c] = command.CreateParameter();
            parameters[c].ParameterName = names[c];
            command.Parameters.Add(parameters[c]);
        }

        await command.PrepareAsync(ct);
        foreach (var row in rows)
        {
            for (var c = 0; c < columns.Length; c++)
            {
                parameters[c].Value = Convert(row[c], isSqlite: true) ?? DBNull.Value;
            }

            await command.ExecuteNonQueryAsync(ct);
        }
    }

    private static object? Convert(object? value, bool isSqlite) => value switch
    {
        Guid g when isSqlite => g.ToString().ToUpperInvariant(),
        DateTime d when isSqlite => d.ToString("yyyy-MM-dd HH:mm:ss.FFFFFFF", CultureInfo.InvariantCulture),
        byte b => (short)b,
        _ => value,
    };
}
