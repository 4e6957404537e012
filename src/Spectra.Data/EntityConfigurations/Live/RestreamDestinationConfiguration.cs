using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Spectra.Data.Entities.Channels;
using Spectra.Data.Entities.Live;

namespace Spectra.Data.EntityConfigurations.Live;

internal sealed class RestreamDestinationConfiguration : IEntityTypeConfiguration<RestreamDestination>
{
    public void Configure(EntityTypeBuilder<RestreamDestination> builder)
    {
        builder.ToTable("RestreamDestinations");
        builder.HasKey(d => d.Id);
        builder.Property(d => d.Id).ValueGeneratedNever();
        builder.Property(d => d.Name).HasMaxLength(RestreamDestination.NameMaxLength).IsRequired();
        builder.Property(d => d.ServerUrl).HasMaxLength(RestreamDestination.ServerUrlMaxLength).IsRequired();
        builder.Property(d => d.StreamKeyProtected).HasMaxLength(RestreamDestination.ProtectedKeyMaxLength).IsRequired();
        builder.Property(d => d.StreamKeyHint).HasMaxLength(RestreamDestination.KeyHintMaxLength).IsRequired();
        builder.HasIndex(d => d.ChannelId);
        builder.HasOne<Channel>().WithMany().HasForeignKey(d => d.ChannelId).OnDelete(DeleteBehavior.Cascade);
    }
}
