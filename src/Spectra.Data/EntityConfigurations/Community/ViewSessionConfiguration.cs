using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Spectra.Data.Entities.Accounts;
using Spectra.Data.Entities.Channels;
using Spectra.Data.Entities.Community;

namespace Spectra.Data.EntityConfigurations.Community;

public sealed class ViewSessionConfiguration : IEntityTypeConfiguration<ViewSession>
{
    public void Configure(EntityTypeBuilder<ViewSession> builder)
    {
        builder.ToTable("ViewSessions");
        builder.HasKey(v => v.Id);
        builder.Property(v => v.Id).ValueGeneratedNever();
        builder.Property(v => v.ViewerKey).HasMaxLength(80);
        builder.HasIndex(v => new { v.ChannelId, v.ViewerKey, v.LastSeenAt });
        builder.HasIndex(v => v.BroadcastId);
        builder.HasIndex(v => v.UserId);
        builder.HasOne<Channel>().WithMany().HasForeignKey(v => v.ChannelId).OnDelete(DeleteBehavior.Cascade);
    }
}
