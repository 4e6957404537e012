using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Spectra.Data.Entities.Channels;
using Spectra.Data.Entities.Chat;

namespace Spectra.Data.EntityConfigurations.Chat;

internal sealed class ReactionTotalConfiguration : IEntityTypeConfiguration<ReactionTotal>
{
    public void Configure(EntityTypeBuilder<ReactionTotal> builder)
    {
        builder.ToTable("ReactionTotals");
        builder.HasKey(x => x.Id);
        builder.HasIndex(x => new { x.ChannelId, x.StreamSessionId, x.Kind });
        builder.HasOne<Channel>().WithMany().HasForeignKey(x => x.ChannelId).OnDelete(DeleteBehavior.Cascade);
    }
}
