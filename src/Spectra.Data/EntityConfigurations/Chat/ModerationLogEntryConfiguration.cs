using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Spectra.Data.Entities.Channels;
using Spectra.Data.Entities.Chat;

namespace Spectra.Data.EntityConfigurations.Chat;

internal sealed class ModerationLogEntryConfiguration : IEntityTypeConfiguration<ModerationLogEntry>
{
    public void Configure(EntityTypeBuilder<ModerationLogEntry> builder)
    {
        builder.ToTable("ModerationLog");
        builder.HasKey(x => x.Id);
        builder.Property(x => x.ActorName).HasMaxLength(64);
        builder.Property(x => x.Action).HasMaxLength(32);
        builder.Property(x => x.TargetName).HasMaxLength(64);
        builder.Property(x => x.Details).HasMaxLength(2000);
        builder.Property(x => x.Reason).HasMaxLength(300);
        builder.HasIndex(x => new { x.ChannelId, x.CreatedAt });
        builder.HasOne<Channel>().WithMany().HasForeignKey(x => x.ChannelId).OnDelete(DeleteBehavior.Cascade);
    }
}
