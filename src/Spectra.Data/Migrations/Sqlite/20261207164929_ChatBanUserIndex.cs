using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Spectra.Data.Migrations.Sqlite
{
    /// <summary>
    /// Indexes ChatBans.UserId for its foreign key to Users (cascade), which the hand-written migrations
    /// created without an index and the model now declares: deleting a user no longer scans every ban.
    /// </summary>
    public partial class ChatBanUserIndex : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "IX_ChatBans_UserId",
                table: "ChatBans",
                column: "UserId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_ChatBans_UserId",
                table: "ChatBans");
        }
    }
}
