using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Spectra.Data.Entities.Accounts;
using Spectra.Data.Entities.Channels;
using Spectra.Data.Entities.Community;

namespace Spectra.Data.EntityConfigurations.Community;

public sealed class ChannelSearchDocumentConfiguration : IEntityTypeConfiguration<ChannelSearchDocument>
{
    public void Configure(EntityTypeBuilder<ChannelSearchDocument> builder)
    {
        builder.ToTable("ChannelSearchDocuments");
        builder.HasKey(d => d.ChannelId);
        builder.Property(d => d.ChannelId).ValueGeneratedNever();
        builder.Property(d => d.Name).HasMaxLength(100);
        builder.Property(d => d.Title).HasMaxLength(200);
        builder.Property(d => d.Category).HasMaxLength(100);
        builder.HasOne<Channel>().WithOne().HasForeignKey<ChannelSearchDocument>(d => d.ChannelId).OnDelete(DeleteBehavior.Cascade);
    }
}
