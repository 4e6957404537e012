using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Spectra.Data.Entities.Channels;
using Spectra.Data.Entities.Chat;

namespace Spectra.Data.EntityConfigurations.Chat;

internal sealed class PollConfiguration : IEntityTypeConfiguration<Poll>
{
    public void Configure(EntityTypeBuilder<Poll> builder)
    {
        builder.ToTable("Polls");
        builder.HasKey(x => x.Id);
        builder.Property(x => x.Question).HasMaxLength(200);
        builder.Property(x => x.Options).HasMaxLength(700);
        builder.Property(x => x.Counts).HasMaxLength(100);
        builder.HasIndex(x => new { x.ChannelId, x.ClosedAt });
        builder.HasMany(x => x.Votes).WithOne().HasForeignKey(x => x.PollId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Channel>().WithMany().HasForeignKey(x => x.ChannelId).OnDelete(DeleteBehavior.Cascade);
    }
}
