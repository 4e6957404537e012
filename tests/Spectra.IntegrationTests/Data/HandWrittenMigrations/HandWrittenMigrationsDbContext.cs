using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Spectra.Data;

namespace Spectra.IntegrationTests.Data.HandWrittenMigrations;

/// <summary>
/// Replays the hand-written, provider-neutral migrations that created every Spectra database before
/// the generated per-provider sets (20261121160000_Foundation … 20261121210000_CommunityRetention),
/// so the upgrade tests can build such a database. No model: the migrations name their operations.
/// </summary>
public sealed class HandWrittenMigrationsDbContext(DbContextOptions<HandWrittenMigrationsDbContext> options) : DbContext(options)
{
    public static HandWrittenMigrationsDbContext Create(DatabaseProvider provider, string connectionString)
    {
        var builder = new DbContextOptionsBuilder<HandWrittenMigrationsDbContext>();
        DataServiceCollectionExtensions.Configure(builder, provider, connectionString);
        builder.ConfigureWarnings(w => w.Ignore(RelationalEventId.PendingModelChangesWarning));
        return new HandWrittenMigrationsDbContext(builder.Options);
    }
}
