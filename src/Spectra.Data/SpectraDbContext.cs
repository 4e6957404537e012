using Microsoft.EntityFrameworkCore;
using Spectra.Data.Entities.Accounts;
using Spectra.Data.Entities.Channels;

namespace Spectra.Data;

/// <summary>
/// The one model shared by SQLite and PostgreSQL. Partial: each area declares its sets in
/// <c>SpectraDbContext.{Area}.cs</c>; entity configurations are picked up from this assembly.
/// Abstract: each provider has a derived type (<see cref="SqliteSpectraDbContext"/>,
/// <see cref="PostgresSpectraDbContext"/>) that owns that provider's migrations and model snapshot
/// under <c>Migrations/{Provider}</c>; the rest of the code asks for <see cref="SpectraDbContext"/>.
/// </summary>
public abstract partial class SpectraDbContext(DbContextOptions options) : DbContext(options)
{
    /// <summary>A context on <paramref name="provider"/>, outside dependency injection (tools, tests).</summary>
    public static SpectraDbContext Create(DatabaseProvider provider, string connectionString) => provider switch
    {
        DatabaseProvider.Sqlite => new SqliteSpectraDbContext(Options<SqliteSpectraDbContext>(provider, connectionString)),
        DatabaseProvider.Postgres => new PostgresSpectraDbContext(Options<PostgresSpectraDbContext>(provider, connectionString)),
        _ => throw new ArgumentOutOfRangeException(nameof(provider), provider, "Unknown database provider."),
    };

    internal static DbContextOptions<TContext> Options<TContext>(DatabaseProvider provider, string connectionString)
        where TContext : SpectraDbContext
    {
        var builder = new DbContextOptionsBuilder<TContext>();
        DataServiceCollectionExtensions.Configure(builder, provider, connectionString);
        return builder.Options;
    }

    public DbSet<User> Users => Set<User>();

    public DbSet<PersonalAccessToken> PersonalAccessTokens => Set<PersonalAccessToken>();

    public DbSet<AppSecret> AppSecrets => Set<AppSecret>();

    public DbSet<UserSession> UserSessions => Set<UserSession>();

    public DbSet<SignUpInvite> SignUpInvites => Set<SignUpInvite>();

    public DbSet<Channel> Channels => Set<Channel>();

    public DbSet<Category> Categories => Set<Category>();

    public DbSet<ChannelTag> ChannelTags => Set<ChannelTag>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        ArgumentNullException.ThrowIfNull(modelBuilder);
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(SpectraDbContext).Assembly);
    }
}
