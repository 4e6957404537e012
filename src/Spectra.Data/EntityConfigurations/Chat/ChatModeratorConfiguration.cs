using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Spectra.Data.Entities.Chat;

namespace Spectra.Data.EntityConfigurations.Chat;

internal sealed class ChatModeratorConfiguration : IEntityTypeConfiguration<ChatModerator>
{
    public void Configure(EntityTypeBuilder<ChatModerator> builder)
    {
        builder.ToTable("ChatModerators");
        builder.HasKey(x => new { x.ChannelId, x.UserId });
        builder.HasIndex(x => x.UserId);
    }
}
