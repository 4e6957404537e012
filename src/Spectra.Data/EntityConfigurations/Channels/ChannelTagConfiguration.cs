using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Spectra.Data.Entities.Channels;

namespace Spectra.Data.EntityConfigurations.Channels;

internal sealed class ChannelTagConfiguration : IEntityTypeConfiguration<ChannelTag>
{
    public void Configure(EntityTypeBuilder<ChannelTag> builder)
    {
        builder.ToTable("ChannelTags");
        builder.HasKey(t => new { t.ChannelId, t.Tag });
        builder.Property(t => t.Tag).HasMaxLength(Channel.TagMaxLength);
        builder.HasIndex(t => t.Tag);
    }
}
