using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Spectra.IntegrationTests.Data.HandWrittenMigrations;

/// <summary>
/// Stream sessions. A channel is live while it has a session without <c>EndedAt</c>, so no column is
/// added to Channels. Provider-neutral, like every migration here.
/// </summary>
[DbContext(typeof(HandWrittenMigrationsDbContext))]
[Migration("20261121190000_Live")]
public sealed class Live : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        ArgumentNullException.ThrowIfNull(migrationBuilder);
        migrationBuilder.CreateTable(
            name: "StreamSessions",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                ChannelId = table.Column<Guid>(nullable: false),
                StartedAt = table.Column<DateTime>(nullable: false),
                EndedAt = table.Column<DateTime>(nullable: true),
                VideoCodec = table.Column<string>(maxLength: 64, nullable: true),
                AudioCodec = table.Column<string>(maxLength: 64, nullable: true),
                Width = table.Column<int>(nullable: true),
                Height = table.Column<int>(nullable: true),
                FrameRate = table.Column<double>(nullable: true),
                BitrateKbps = table.Column<int>(nullable: true),
                Encoder = table.Column<string>(maxLength: 128, nullable: true),
                Reconnects = table.Column<int>(nullable: false),
                PeakViewers = table.Column<int>(nullable: true),
                EndReason = table.Column<string>(maxLength: 32, nullable: true),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_StreamSessions", x => x.Id);
                table.ForeignKey("FK_StreamSessions_Channels_ChannelId", x => x.ChannelId, "Channels", "Id", onDelete: ReferentialAction.Cascade);
            });
        migrationBuilder.CreateIndex("IX_StreamSessions_ChannelId_StartedAt", "StreamSessions", ["ChannelId", "StartedAt"]);
        migrationBuilder.CreateIndex("IX_StreamSessions_EndedAt", "StreamSessions", "EndedAt");
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        ArgumentNullException.ThrowIfNull(migrationBuilder);
        migrationBuilder.DropTable("StreamSessions");
    }
}
