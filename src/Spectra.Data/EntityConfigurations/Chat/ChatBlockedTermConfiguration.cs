using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Spectra.Data.Entities.Channels;
using Spectra.Data.Entities.Chat;

namespace Spectra.Data.EntityConfigurations.Chat;

internal sealed class ChatBlockedTermConfiguration : IEntityTypeConfiguration<ChatBlockedTerm>
{
    public void Configure(EntityTypeBuilder<ChatBlockedTerm> builder)
    {
        builder.ToTable("ChatBlockedTerms");
        builder.HasKey(x => x.Id);
        builder.Property(x => x.Term).HasMaxLength(100);
        builder.HasIndex(x => new { x.ChannelId, x.Term }).IsUnique();
        builder.HasOne<Channel>().WithMany().HasForeignKey(x => x.ChannelId).OnDelete(DeleteBehavior.Cascade);
    }
}
