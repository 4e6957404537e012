using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;

namespace Spectra.Data.Migrations;

/// <summary>
/// Databases created before the generated migrations carry the ids of the hand-written ones
/// (removed; the integration tests keep a copy). One migrated to the last of them is up to date: each
/// provider's baseline reuses that id. One stopped part-way cannot be upgraded any more, since the
/// baseline would create tables it already has; this says so instead of failing on the first table.
/// </summary>
public static class HandWrittenMigrationHistory
{
    /// <summary>Oldest first; the last one is the id of both baselines.</summary>
    private static readonly string[] Ids =
    [
        "20261121160000_Foundation",
        "20261121170000_Chat",
        "20261121180000_Community",
        "20261121190000_Live",
        "20261121201500_CommunityPerformance",
        "20261121210000_CommunityRetention",
    ];

    /// <summary>
    /// Throws when the database's history holds some hand-written migrations but not the last.
    /// Call once the history table exists (on PostgreSQL a missing one logs a failed query).
    /// </summary>
    public static async Task ThrowIfPartlyAppliedAsync(DatabaseFacade database, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(database);
        var applied = (await database.GetAppliedMigrationsAsync(cancellationToken)).ToHashSet(StringComparer.Ordinal);
        if (applied.Contains(Ids[^1]))
        {
            return;
        }

        var last = Ids.LastOrDefault(applied.Contains);
        if (last is not null)
        {
            throw new InvalidOperationException(
                $"The database was migrated by an early Spectra build up to {last} only; this build cannot finish that upgrade. " +
                $"Start a build from before the generated migrations once (it applies the migrations up to {Ids[^1]}), or start with a new database.");
        }
    }
}
