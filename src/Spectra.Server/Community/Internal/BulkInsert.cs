using System.Data.Common;
using System.Globalization;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace Spectra.Server.Community.Internal;

/// <summary>
/// Multi-row INSERT through the context's connection and current transaction, for tables written in
/// bulk (search keys). Values are converted the way EF stores them: on SQLite Guids as upper-case
/// text and DateTimes as "yyyy-MM-dd HH:mm:ss.FFFFFFF".
/// </summary>
internal static class BulkInsert
{
    /// <summary>Rows per statement; SQLite allows 32 766 parameters per statement, PostgreSQL 65 535.</summary>
    private const int MaxParameters = 30_000;

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

        var rowsPerStatement = Math.Max(1, Math.Min(500, MaxParameters / columns.Length));
        var columnList = string.Join(", ", columns.Select(c => "\"" + c + "\""));
        for (var start = 0; start < rows.Count; start += rowsPerStatement)
        {
            var count = Math.Min(rowsPerStatement, rows.Count - start);
            await using var command = connection.CreateCommand();
            command.Transaction = transaction;
            var sql = new StringBuilder();
            sql.Append("INSERT INTO \"").Append(table).Append("\" (").Append(columnList).Append(") VALUES ");
            for (var r = 0; r < count; r++)
            {
                sql.Append(r == 0 ? "(" : ", (");
                var row = rows[start + r];
                for (var c = 0; c < columns.Length; c++)
                {
                    var name = "@p" + ((r * columns.Length) + c).ToString(CultureInfo.InvariantCulture);
                    sql.Append(c == 0 ? name : ", " + name);
                    var parameter = command.CreateParameter();
                    parameter.ParameterName = name;
                    parameter.Value = Convert(row[c], isSqlite) ?? DBNull.Value;
                    command.Parameters.Add(parameter);
                }

                sql.Append(')');
            }

            if (conflictClause is not null)
            {
                sql.Append(' ').Append(conflictClause);
            }

            command.CommandText = sql.ToString();
            await command.ExecuteNonQueryAsync(ct);
        }
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
