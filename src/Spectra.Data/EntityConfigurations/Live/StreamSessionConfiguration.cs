using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Spectra.Data.Entities.Channels;
using Spectra.Data.Entities.Live;

namespace Spectra.Data.EntityConfigurations.Live;

internal sealed class StreamSessionConfiguration : IEntityTypeConfiguration<StreamSession>
{
    public void Configure(EntityTypeBuilder<StreamSession> builder)
    {
        builder.ToTable("StreamSessions");
        builder.HasKey(s => s.Id);
        builder.Property(s => s.Id).ValueGeneratedNever();
        builder.Property(s => s.VideoCodec).HasMaxLength(StreamSession.CodecMaxLength);
        builder.Property(s => s.AudioCodec).HasMaxLength(StreamSession.CodecMaxLength);
        builder.Property(s => s.Encoder).HasMaxLength(StreamSession.EncoderMaxLength);
        builder.Property(s => s.EndReason).HasMaxLength(StreamSession.EndReasonMaxLength);
        builder.HasIndex(s => new { s.ChannelId, s.StartedAt });
        builder.HasIndex(s => s.EndedAt);
        builder.HasOne<Channel>().WithMany().HasForeignKey(s => s.ChannelId).OnDelete(DeleteBehavior.Cascade);
    }
}
