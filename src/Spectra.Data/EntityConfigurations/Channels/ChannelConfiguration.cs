using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Spectra.Data.Entities.Channels;

namespace Spectra.Data.EntityConfigurations.Channels;

internal sealed class ChannelConfiguration : IEntityTypeConfiguration<Channel>
{
    public void Configure(EntityTypeBuilder<Channel> builder)
    {
        builder.ToTable("Channels");
        builder.HasKey(c => c.Id);
        builder.Property(c => c.Id).ValueGeneratedNever();
        builder.HasIndex(c => c.OwnerId).IsUnique();
        builder.Property(c => c.Title).HasMaxLength(Channel.TitleMaxLength).IsRequired();
        builder.Property(c => c.Description).HasMaxLength(Channel.DescriptionMaxLength).IsRequired();
        builder.Property(c => c.AvatarContentType).HasMaxLength(40);
        builder.Property(c => c.StreamKeyHash).HasMaxLength(64).IsRequired();
        builder.HasIndex(c => c.StreamKeyHash).IsUnique();
        builder.Property(c => c.StreamKeyProtected).IsRequired();
        // Columns added to a table with rows: their defaults fill the existing rows (the migration then switches recording on).
        builder.Property(c => c.RecordingEnabled).HasDefaultValue(false);
        builder.Property(c => c.VideosSweptCount).HasDefaultValue(0);
        builder.HasIndex(c => c.CategoryId);

        // Search re-indexing reads channels changed since a watermark.
        builder.HasIndex(c => c.UpdatedAt);
        builder.HasOne(c => c.Category).WithMany().HasForeignKey(c => c.CategoryId).OnDelete(DeleteBehavior.SetNull);
        builder.HasMany(c => c.Tags).WithOne().HasForeignKey(t => t.ChannelId).OnDelete(DeleteBehavior.Cascade);
    }
}
