using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Spectra.IntegrationTests.Data.HandWrittenMigrations;

/// <summary>
/// Indexes the community queries need at 10⁵ channels and followers (measured by
/// bench/Spectra.Bench.Community, see docs/benchmarks.md):
/// Channels.UpdatedAt for the search index watermark (an idle re-index pass is a range seek, not a
/// scan); (Trigram, TermLength, Term) on SearchTermTrigrams so typo candidates are found from the
/// index alone. Provider-neutral, like every migration here.
/// </summary>
[DbContext(typeof(HandWrittenMigrationsDbContext))]
[Migration("20261121201500_CommunityPerformance")]
public sealed class CommunityPerformance : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        ArgumentNullException.ThrowIfNull(migrationBuilder);
        migrationBuilder.CreateIndex("IX_Channels_UpdatedAt", "Channels", "UpdatedAt");
        migrationBuilder.CreateIndex("IX_SearchTermTrigrams_Trigram_TermLength_Term", "SearchTermTrigrams", ["Trigram", "TermLength", "Term"]);
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        ArgumentNullException.ThrowIfNull(migrationBuilder);
        migrationBuilder.DropIndex("IX_SearchTermTrigrams_Trigram_TermLength_Term", "SearchTermTrigrams");
        migrationBuilder.DropIndex("IX_Channels_UpdatedAt", "Channels");
    }
}
