using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Spectra.Data.Entities.Channels;
using Spectra.Data.Entities.Chat;

namespace Spectra.Data.EntityConfigurations.Chat;

internal sealed class ChatMessageConfiguration : IEntityTypeConfiguration<ChatMessage>
{
    public void Configure(EntityTypeBuilder<ChatMessage> builder)
    {
        builder.ToTable("ChatMessages");
        builder.HasKey(x => x.Id);
        builder.Property(x => x.SenderName).HasMaxLength(64);
        builder.Property(x => x.Text).HasMaxLength(2000);
        builder.Property(x => x.HeldFor).HasMaxLength(100);
        builder.HasIndex(x => new { x.ChannelId, x.Sequence }).IsUnique();
        builder.HasIndex(x => new { x.ChannelId, x.State, x.CreatedAt });
        builder.HasIndex(x => new { x.ChannelId, x.SenderId, x.CreatedAt });
        builder.HasOne<Channel>().WithMany().HasForeignKey(x => x.ChannelId).OnDelete(DeleteBehavior.Cascade);
    }
}
