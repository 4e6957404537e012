using Microsoft.EntityFrameworkCore;
using Spectra.Data.Entities.Accounts;
using Spectra.Data.Entities.Channels;

namespace Spectra.Data;

/// <summary>
/// The one model shared by SQLite and PostgreSQL. Partial: each area declares its sets in
/// <c>SpectraDbContext.{Area}.cs</c>; entity configurations are picked up from this assembly.
/// </summary>
public partial class SpectraDbContext(DbContextOptions<SpectraDbContext> options) : DbContext(options)
{
    public DbSet<User> Users => Set<User>();

    public DbSet<PersonalAccessToken> PersonalAccessTokens => Set<PersonalAccessToken>();

    public DbSet<AppSecret> AppSecrets => Set<AppSecret>();

    public DbSet<Channel> Channels => Set<Channel>();

    public DbSet<Category> Categories => Set<Category>();

    public DbSet<ChannelTag> ChannelTags => Set<ChannelTag>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        ArgumentNullException.ThrowIfNull(modelBuilder);
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(SpectraDbContext).Assembly);
    }
}
