using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Spectra.Data.Entities.Accounts;
using Spectra.Data.Entities.Channels;

namespace Spectra.Data.EntityConfigurations.Accounts;

internal sealed class UserConfiguration : IEntityTypeConfiguration<User>
{
    public void Configure(EntityTypeBuilder<User> builder)
    {
        builder.ToTable("Users");
        builder.HasKey(u => u.Id);
        builder.Property(u => u.Id).ValueGeneratedNever();
        builder.Property(u => u.UserName).HasMaxLength(25).IsRequired();
        builder.Property(u => u.NormalizedUserName).HasMaxLength(25).IsRequired();
        builder.HasIndex(u => u.NormalizedUserName).IsUnique();
        builder.Property(u => u.PasswordHash).HasMaxLength(200).IsRequired();
        builder.Property(u => u.SecurityStamp).HasMaxLength(64).IsRequired();
        // A default so that adding the column keeps existing accounts approved (same on a new database).
        builder.Property(u => u.PendingApproval).HasDefaultValue(false);
        builder.HasOne(u => u.Channel).WithOne(c => c.Owner).HasForeignKey<Channel>(c => c.OwnerId).OnDelete(DeleteBehavior.Cascade);
    }
}
