using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Spectra.Data.Entities.Chat;

namespace Spectra.Data.EntityConfigurations.Chat;

internal sealed class ChatReportConfiguration : IEntityTypeConfiguration<ChatReport>
{
    public void Configure(EntityTypeBuilder<ChatReport> builder)
    {
        builder.ToTable("ChatReports");
        builder.HasKey(x => x.Id);
        builder.Property(x => x.Reason).HasMaxLength(300);
        builder.Property(x => x.Resolution).HasMaxLength(20);
        builder.HasIndex(x => new { x.ChannelId, x.ResolvedAt, x.CreatedAt });
        builder.HasIndex(x => new { x.MessageId, x.ReporterId }).IsUnique();
        builder.HasOne<ChatMessage>().WithMany().HasForeignKey(x => x.MessageId).OnDelete(DeleteBehavior.Cascade);
    }
}
