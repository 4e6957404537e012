using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Spectra.Data.Entities.Channels;
using Spectra.Data.Entities.Chat;

namespace Spectra.Data.EntityConfigurations.Chat;

internal sealed class ChatQuestionConfiguration : IEntityTypeConfiguration<ChatQuestion>
{
    public void Configure(EntityTypeBuilder<ChatQuestion> builder)
    {
        builder.ToTable("ChatQuestions");
        builder.HasKey(x => x.Id);
        builder.Property(x => x.AuthorName).HasMaxLength(64);
        builder.Property(x => x.Text).HasMaxLength(1200);
        builder.HasIndex(x => new { x.ChannelId, x.CreatedAt });
        builder.HasOne<Channel>().WithMany().HasForeignKey(x => x.ChannelId).OnDelete(DeleteBehavior.Cascade);
    }
}
