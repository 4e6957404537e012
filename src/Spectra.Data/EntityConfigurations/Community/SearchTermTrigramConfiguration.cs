using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Spectra.Data.Entities.Accounts;
using Spectra.Data.Entities.Channels;
using Spectra.Data.Entities.Community;

namespace Spectra.Data.EntityConfigurations.Community;

public sealed class SearchTermTrigramConfiguration : IEntityTypeConfiguration<SearchTermTrigram>
{
    public void Configure(EntityTypeBuilder<SearchTermTrigram> builder)
    {
        builder.ToTable("SearchTermTrigrams");
        builder.HasKey(t => new { t.Trigram, t.Term });
        builder.Property(t => t.Trigram).HasMaxLength(16);
        builder.Property(t => t.Term).HasMaxLength(40);
        builder.HasIndex(t => t.Term);

        // Typo candidates: trigram equality plus a length range, answered from the index alone.
        builder.HasIndex(t => new { t.Trigram, t.TermLength, t.Term });
    }
}
