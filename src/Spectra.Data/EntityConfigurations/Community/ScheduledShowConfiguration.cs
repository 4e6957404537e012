using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Spectra.Data.Entities.Accounts;
using Spectra.Data.Entities.Channels;
using Spectra.Data.Entities.Community;

namespace Spectra.Data.EntityConfigurations.Community;

public sealed class ScheduledShowConfiguration : IEntityTypeConfiguration<ScheduledShow>
{
    public void Configure(EntityTypeBuilder<ScheduledShow> builder)
    {
        builder.ToTable("ScheduledShows");
        builder.HasKey(s => s.Id);
        builder.Property(s => s.Id).ValueGeneratedNever();
        builder.Property(s => s.Title).HasMaxLength(100);
        builder.Property(s => s.Description).HasMaxLength(1000);
        builder.HasIndex(s => new { s.ChannelId, s.StartsAt });
        builder.HasIndex(s => new { s.NotifiedAt, s.StartsAt });
        builder.HasOne<Channel>().WithMany().HasForeignKey(s => s.ChannelId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Category>().WithMany().HasForeignKey(s => s.CategoryId).OnDelete(DeleteBehavior.SetNull);
    }
}
