using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Spectra.Data.Entities.Accounts;
using Spectra.Data.Entities.Channels;
using Spectra.Data.Entities.Community;

namespace Spectra.Data.EntityConfigurations.Community;

public sealed class ViewerCountSampleConfiguration : IEntityTypeConfiguration<ViewerCountSample>
{
    public void Configure(EntityTypeBuilder<ViewerCountSample> builder)
    {
        builder.ToTable("ViewerCountSamples");
        builder.HasKey(s => s.Id);
        builder.Property(s => s.Id).ValueGeneratedNever();
        builder.HasIndex(s => new { s.ChannelId, s.At });
        builder.HasOne<Channel>().WithMany().HasForeignKey(s => s.ChannelId).OnDelete(DeleteBehavior.Cascade);
    }
}
