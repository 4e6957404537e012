using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Spectra.Data.Entities.Accounts;
using Spectra.Data.Entities.Channels;
using Spectra.Data.Entities.Chat;

namespace Spectra.Data.EntityConfigurations.Chat;

internal sealed class ChatModeratorConfiguration : IEntityTypeConfiguration<ChatModerator>
{
    public void Configure(EntityTypeBuilder<ChatModerator> builder)
    {
        builder.ToTable("ChatModerators");
        builder.HasKey(x => new { x.ChannelId, x.UserId });
        builder.HasIndex(x => x.UserId);
        builder.HasOne<Channel>().WithMany().HasForeignKey(x => x.ChannelId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<User>().WithMany().HasForeignKey(x => x.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}
