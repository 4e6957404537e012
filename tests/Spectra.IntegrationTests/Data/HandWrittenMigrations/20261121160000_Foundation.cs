using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Spectra.Data;

namespace Spectra.IntegrationTests.Data.HandWrittenMigrations;

/// <summary>
/// Accounts, channels, categories, tags, access tokens and server secrets.
/// Written by hand with provider-neutral operations: no column store types are named, so SQLite and
/// PostgreSQL each map the CLR types themselves and one migration serves both.
/// </summary>
[DbContext(typeof(HandWrittenMigrationsDbContext))]
[Migration("20261121160000_Foundation")]
public sealed class Foundation : Migration
{
    internal static readonly string[] CategoryNames =
    [
        "Art", "Causes", "Crafts", "Dance", "Drinks", "Education", "Film", "Fitness", "Food", "Games",
        "Gardening", "Health", "Home", "Just Chatting", "Literature", "Music", "Networking", "Other",
        "Party", "Religion", "Science & Technology", "Shopping", "Sports", "Theater", "Wellness",
    ];

    protected override void Up(MigrationBuilder migrationBuilder)
    {
        ArgumentNullException.ThrowIfNull(migrationBuilder);

        migrationBuilder.CreateTable(
            name: "Users",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                UserName = table.Column<string>(maxLength: 25, nullable: false),
                NormalizedUserName = table.Column<string>(maxLength: 25, nullable: false),
                PasswordHash = table.Column<string>(maxLength: 200, nullable: false),
                SecurityStamp = table.Column<string>(maxLength: 64, nullable: false),
                IsAdmin = table.Column<bool>(nullable: false),
                CreatedAt = table.Column<DateTime>(nullable: false),
                AccessFailedCount = table.Column<int>(nullable: false),
                LockoutEnd = table.Column<DateTime>(nullable: true),
            },
            constraints: table => table.PrimaryKey("PK_Users", x => x.Id));
        migrationBuilder.CreateIndex("IX_Users_NormalizedUserName", "Users", "NormalizedUserName", unique: true);

        migrationBuilder.CreateTable(
            name: "Categories",
            columns: table => new
            {
                Id = table.Column<int>(nullable: false),
                Slug = table.Column<string>(maxLength: 60, nullable: false),
                Name = table.Column<string>(maxLength: 60, nullable: false),
            },
            constraints: table => table.PrimaryKey("PK_Categories", x => x.Id));
        migrationBuilder.CreateIndex("IX_Categories_Slug", "Categories", "Slug", unique: true);

        migrationBuilder.CreateTable(
            name: "Channels",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                OwnerId = table.Column<Guid>(nullable: false),
                Title = table.Column<string>(maxLength: 140, nullable: false),
                CategoryId = table.Column<int>(nullable: true),
                Description = table.Column<string>(maxLength: 2000, nullable: false),
                AvatarContentType = table.Column<string>(maxLength: 40, nullable: true),
                AvatarVersion = table.Column<int>(nullable: false),
                StreamKeyHash = table.Column<string>(maxLength: 64, nullable: false),
                StreamKeyProtected = table.Column<string>(nullable: false),
                CreatedAt = table.Column<DateTime>(nullable: false),
                UpdatedAt = table.Column<DateTime>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_Channels", x => x.Id);
                table.ForeignKey("FK_Channels_Users_OwnerId", x => x.OwnerId, "Users", "Id", onDelete: ReferentialAction.Cascade);
                table.ForeignKey("FK_Channels_Categories_CategoryId", x => x.CategoryId, "Categories", "Id", onDelete: ReferentialAction.SetNull);
            });
        migrationBuilder.CreateIndex("IX_Channels_OwnerId", "Channels", "OwnerId", unique: true);
        migrationBuilder.CreateIndex("IX_Channels_StreamKeyHash", "Channels", "StreamKeyHash", unique: true);
        migrationBuilder.CreateIndex("IX_Channels_CategoryId", "Channels", "CategoryId");

        migrationBuilder.CreateTable(
            name: "ChannelTags",
            columns: table => new
            {
                ChannelId = table.Column<Guid>(nullable: false),
                Tag = table.Column<string>(maxLength: 25, nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_ChannelTags", x => new { x.ChannelId, x.Tag });
                table.ForeignKey("FK_ChannelTags_Channels_ChannelId", x => x.ChannelId, "Channels", "Id", onDelete: ReferentialAction.Cascade);
            });
        migrationBuilder.CreateIndex("IX_ChannelTags_Tag", "ChannelTags", "Tag");

        migrationBuilder.CreateTable(
            name: "PersonalAccessTokens",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                UserId = table.Column<Guid>(nullable: false),
                Name = table.Column<string>(maxLength: 60, nullable: false),
                TokenHash = table.Column<string>(maxLength: 64, nullable: false),
                Prefix = table.Column<string>(maxLength: 12, nullable: false),
                CreatedAt = table.Column<DateTime>(nullable: false),
                LastUsedAt = table.Column<DateTime>(nullable: true),
                RevokedAt = table.Column<DateTime>(nullable: true),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_PersonalAccessTokens", x => x.Id);
                table.ForeignKey("FK_PersonalAccessTokens_Users_UserId", x => x.UserId, "Users", "Id", onDelete: ReferentialAction.Cascade);
            });
        migrationBuilder.CreateIndex("IX_PersonalAccessTokens_TokenHash", "PersonalAccessTokens", "TokenHash", unique: true);
        migrationBuilder.CreateIndex("IX_PersonalAccessTokens_UserId", "PersonalAccessTokens", "UserId");

        migrationBuilder.CreateTable(
            name: "AppSecrets",
            columns: table => new
            {
                Name = table.Column<string>(maxLength: 100, nullable: false),
                ProtectedValue = table.Column<string>(nullable: false),
                CreatedAt = table.Column<DateTime>(nullable: false),
            },
            constraints: table => table.PrimaryKey("PK_AppSecrets", x => x.Name));

        // Plain standard SQL (quoted identifiers, literals) so the seed runs unchanged on both providers.
        for (var i = 0; i < CategoryNames.Length; i++)
        {
            var name = CategoryNames[i].Replace("'", "''", StringComparison.Ordinal);
            migrationBuilder.Sql(FormattableString.Invariant(
                $"INSERT INTO \"Categories\" (\"Id\", \"Slug\", \"Name\") VALUES ({i + 1}, '{Slugs.FromName(CategoryNames[i])}', '{name}');"));
        }
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        ArgumentNullException.ThrowIfNull(migrationBuilder);
        migrationBuilder.DropTable("AppSecrets");
        migrationBuilder.DropTable("PersonalAccessTokens");
        migrationBuilder.DropTable("ChannelTags");
        migrationBuilder.DropTable("Channels");
        migrationBuilder.DropTable("Categories");
        migrationBuilder.DropTable("Users");
    }
}
