using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Spectra.Data.Entities.Accounts;
using Spectra.Data.Entities.Channels;
using Spectra.Data.Entities.Community;

namespace Spectra.Data.EntityConfigurations.Community;

public sealed class ChannelSearchKeyConfiguration : IEntityTypeConfiguration<ChannelSearchKey>
{
    public void Configure(EntityTypeBuilder<ChannelSearchKey> builder)
    {
        builder.ToTable("ChannelSearchKeys");
        builder.HasKey(k => new { k.Key, k.ChannelId, k.Field });
        builder.Property(k => k.Key).HasMaxLength(80);
        builder.HasIndex(k => k.ChannelId);
        builder.HasOne<Channel>().WithMany().HasForeignKey(k => k.ChannelId).OnDelete(DeleteBehavior.Cascade);
    }
}
