using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Spectra.Data.Entities.Chat;

namespace Spectra.Data.EntityConfigurations.Chat;

internal sealed class ChatQuestionVoteConfiguration : IEntityTypeConfiguration<ChatQuestionVote>
{
    public void Configure(EntityTypeBuilder<ChatQuestionVote> builder)
    {
        builder.ToTable("ChatQuestionVotes");
        builder.HasKey(x => new { x.QuestionId, x.UserId });
        builder.HasOne<ChatQuestion>().WithMany().HasForeignKey(x => x.QuestionId).OnDelete(DeleteBehavior.Cascade);
    }
}
