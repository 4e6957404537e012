using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Spectra.Data.Entities.Accounts;
using Spectra.Data.Entities.Channels;
using Spectra.Data.Entities.Community;

namespace Spectra.Data.EntityConfigurations.Community;

public sealed class WatchHistoryEntryConfiguration : IEntityTypeConfiguration<WatchHistoryEntry>
{
    public void Configure(EntityTypeBuilder<WatchHistoryEntry> builder)
    {
        builder.ToTable("WatchHistory");
        builder.HasKey(w => new { w.UserId, w.ChannelId });
        builder.HasIndex(w => new { w.UserId, w.LastWatchedAt });
        builder.HasOne<User>().WithMany().HasForeignKey(w => w.UserId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Channel>().WithMany().HasForeignKey(w => w.ChannelId).OnDelete(DeleteBehavior.Cascade);
    }
}
