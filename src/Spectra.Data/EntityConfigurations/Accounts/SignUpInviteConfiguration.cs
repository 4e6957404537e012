using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Spectra.Data.Entities.Accounts;

namespace Spectra.Data.EntityConfigurations.Accounts;

internal sealed class SignUpInviteConfiguration : IEntityTypeConfiguration<SignUpInvite>
{
    public void Configure(EntityTypeBuilder<SignUpInvite> builder)
    {
        builder.ToTable("SignUpInvites");
        builder.HasKey(i => i.Id);
        builder.Property(i => i.Id).ValueGeneratedNever();
        builder.Property(i => i.CodeHash).HasMaxLength(64).IsRequired();
        builder.HasIndex(i => i.CodeHash).IsUnique();
    }
}
