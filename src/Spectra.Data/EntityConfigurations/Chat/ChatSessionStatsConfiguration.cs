using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Spectra.Data.Entities.Channels;
using Spectra.Data.Entities.Chat;

namespace Spectra.Data.EntityConfigurations.Chat;

internal sealed class ChatSessionStatsConfiguration : IEntityTypeConfiguration<ChatSessionStats>
{
    public void Configure(EntityTypeBuilder<ChatSessionStats> builder)
    {
        builder.ToTable("ChatSessionStats");
        builder.HasKey(x => x.StreamSessionId);
        builder.HasIndex(x => x.ChannelId);
        builder.HasOne<Channel>().WithMany().HasForeignKey(x => x.ChannelId).OnDelete(DeleteBehavior.Cascade);
    }
}
