using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Spectra.Data.Entities.Channels;
using Spectra.Data.Entities.Chat;

namespace Spectra.Data.EntityConfigurations.Chat;

internal sealed class ChatSettingsConfiguration : IEntityTypeConfiguration<ChatSettings>
{
    public void Configure(EntityTypeBuilder<ChatSettings> builder)
    {
        builder.ToTable("ChatSettings");
        builder.HasKey(x => x.ChannelId);
        builder.Property(x => x.OverlayTokenHash).HasMaxLength(64);
        builder.HasIndex(x => x.OverlayTokenHash).IsUnique();
        builder.HasOne<Channel>().WithOne().HasForeignKey<ChatSettings>(x => x.ChannelId).OnDelete(DeleteBehavior.Cascade);
    }
}
