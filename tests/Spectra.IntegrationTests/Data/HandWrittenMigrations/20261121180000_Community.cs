using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Spectra.IntegrationTests.Data.HandWrittenMigrations;

/// <summary>
/// Community: the follows index, blocks, notifications and opt-outs, webhooks and their deliveries, schedule,
/// posts, watch history, analytics (broadcasts, view sessions, viewer samples) and the search tables.
/// Provider-neutral: column types come from each provider's mapping of the CLR type.
/// </summary>
[DbContext(typeof(HandWrittenMigrationsDbContext))]
[Migration("20261121180000_Community")]
public partial class Community : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        // Follows was created minimal by the chat migration; community lists followers newest first
        // per channel, so the channel index gains the follow date.
        migrationBuilder.DropIndex("IX_Follows_ChannelId", "Follows");
        migrationBuilder.CreateIndex("IX_Follows_ChannelId_CreatedAt", "Follows", ["ChannelId", "CreatedAt"]);

        // UserBlocks comes from the chat migration; community also asks "is A blocked by B".
        migrationBuilder.CreateIndex("IX_UserBlocks_BlockedId", "UserBlocks", "BlockedId");

        migrationBuilder.CreateTable(
            name: "NotificationMutes",
            columns: table => new
            {
                UserId = table.Column<Guid>(nullable: false),
                ChannelId = table.Column<Guid>(nullable: false),
                CreatedAt = table.Column<DateTime>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_NotificationMutes", x => new { x.UserId, x.ChannelId });
                table.ForeignKey("FK_NotificationMutes_Users_UserId", x => x.UserId, "Users", "Id", onDelete: ReferentialAction.Cascade);
                table.ForeignKey("FK_NotificationMutes_Channels_ChannelId", x => x.ChannelId, "Channels", "Id", onDelete: ReferentialAction.Cascade);
            });
        migrationBuilder.CreateIndex("IX_NotificationMutes_ChannelId", "NotificationMutes", "ChannelId");

        migrationBuilder.CreateTable(
            name: "Notifications",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                UserId = table.Column<Guid>(nullable: false),
                Kind = table.Column<int>(nullable: false),
                ChannelId = table.Column<Guid>(nullable: true),
                Text = table.Column<string>(maxLength: 200, nullable: false),
                Url = table.Column<string>(maxLength: 300, nullable: true),
                CreatedAt = table.Column<DateTime>(nullable: false),
                ReadAt = table.Column<DateTime>(nullable: true),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_Notifications", x => x.Id);
                table.ForeignKey("FK_Notifications_Users_UserId", x => x.UserId, "Users", "Id", onDelete: ReferentialAction.Cascade);
            });
        migrationBuilder.CreateIndex("IX_Notifications_UserId_CreatedAt", "Notifications", ["UserId", "CreatedAt"]);

        migrationBuilder.CreateTable(
            name: "WebhookSubscriptions",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                ChannelId = table.Column<Guid>(nullable: false),
                Url = table.Column<string>(maxLength: 2000, nullable: false),
                ProtectedSecret = table.Column<string>(maxLength: 1000, nullable: false),
                Events = table.Column<string>(maxLength: 200, nullable: false),
                Enabled = table.Column<bool>(nullable: false),
                CreatedAt = table.Column<DateTime>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_WebhookSubscriptions", x => x.Id);
                table.ForeignKey("FK_WebhookSubscriptions_Channels_ChannelId", x => x.ChannelId, "Channels", "Id", onDelete: ReferentialAction.Cascade);
            });
        migrationBuilder.CreateIndex("IX_WebhookSubscriptions_ChannelId", "WebhookSubscriptions", "ChannelId");

        migrationBuilder.CreateTable(
            name: "WebhookDeliveries",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                SubscriptionId = table.Column<Guid>(nullable: false),
                EventType = table.Column<string>(maxLength: 50, nullable: false),
                Payload = table.Column<string>(nullable: false),
                State = table.Column<int>(nullable: false),
                Attempts = table.Column<int>(nullable: false),
                LastStatusCode = table.Column<int>(nullable: true),
                LastError = table.Column<string>(maxLength: 500, nullable: true),
                CreatedAt = table.Column<DateTime>(nullable: false),
                NextAttemptAt = table.Column<DateTime>(nullable: false),
                CompletedAt = table.Column<DateTime>(nullable: true),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_WebhookDeliveries", x => x.Id);
                table.ForeignKey("FK_WebhookDeliveries_WebhookSubscriptions_SubscriptionId", x => x.SubscriptionId, "WebhookSubscriptions", "Id", onDelete: ReferentialAction.Cascade);
            });
        migrationBuilder.CreateIndex("IX_WebhookDeliveries_State_NextAttemptAt", "WebhookDeliveries", ["State", "NextAttemptAt"]);
        migrationBuilder.CreateIndex("IX_WebhookDeliveries_SubscriptionId_CreatedAt", "WebhookDeliveries", ["SubscriptionId", "CreatedAt"]);

        migrationBuilder.CreateTable(
            name: "ScheduledShows",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                ChannelId = table.Column<Guid>(nullable: false),
                Title = table.Column<string>(maxLength: 100, nullable: false),
                CategoryId = table.Column<int>(nullable: true),
                Description = table.Column<string>(maxLength: 1000, nullable: false),
                StartsAt = table.Column<DateTime>(nullable: false),
                EndsAt = table.Column<DateTime>(nullable: false),
                CreatedAt = table.Column<DateTime>(nullable: false),
                NotifiedAt = table.Column<DateTime>(nullable: true),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_ScheduledShows", x => x.Id);
                table.ForeignKey("FK_ScheduledShows_Channels_ChannelId", x => x.ChannelId, "Channels", "Id", onDelete: ReferentialAction.Cascade);
                table.ForeignKey("FK_ScheduledShows_Categories_CategoryId", x => x.CategoryId, "Categories", "Id", onDelete: ReferentialAction.SetNull);
            });
        migrationBuilder.CreateIndex("IX_ScheduledShows_ChannelId_StartsAt", "ScheduledShows", ["ChannelId", "StartsAt"]);
        migrationBuilder.CreateIndex("IX_ScheduledShows_NotifiedAt_StartsAt", "ScheduledShows", ["NotifiedAt", "StartsAt"]);
        migrationBuilder.CreateIndex("IX_ScheduledShows_CategoryId", "ScheduledShows", "CategoryId");

        migrationBuilder.CreateTable(
            name: "CommunityPosts",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                ChannelId = table.Column<Guid>(nullable: false),
                Markdown = table.Column<string>(maxLength: 2000, nullable: false),
                Html = table.Column<string>(nullable: false),
                CreatedAt = table.Column<DateTime>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_CommunityPosts", x => x.Id);
                table.ForeignKey("FK_CommunityPosts_Channels_ChannelId", x => x.ChannelId, "Channels", "Id", onDelete: ReferentialAction.Cascade);
            });
        migrationBuilder.CreateIndex("IX_CommunityPosts_ChannelId_CreatedAt", "CommunityPosts", ["ChannelId", "CreatedAt"]);

        migrationBuilder.CreateTable(
            name: "WatchHistory",
            columns: table => new
            {
                UserId = table.Column<Guid>(nullable: false),
                ChannelId = table.Column<Guid>(nullable: false),
                FirstWatchedAt = table.Column<DateTime>(nullable: false),
                LastWatchedAt = table.Column<DateTime>(nullable: false),
                WatchSeconds = table.Column<int>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_WatchHistory", x => new { x.UserId, x.ChannelId });
                table.ForeignKey("FK_WatchHistory_Users_UserId", x => x.UserId, "Users", "Id", onDelete: ReferentialAction.Cascade);
                table.ForeignKey("FK_WatchHistory_Channels_ChannelId", x => x.ChannelId, "Channels", "Id", onDelete: ReferentialAction.Cascade);
            });
        migrationBuilder.CreateIndex("IX_WatchHistory_UserId_LastWatchedAt", "WatchHistory", ["UserId", "LastWatchedAt"]);
        migrationBuilder.CreateIndex("IX_WatchHistory_ChannelId", "WatchHistory", "ChannelId");

        migrationBuilder.CreateTable(
            name: "Broadcasts",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                ChannelId = table.Column<Guid>(nullable: false),
                StartedAt = table.Column<DateTime>(nullable: false),
                EndedAt = table.Column<DateTime>(nullable: true),
                PeakViewers = table.Column<int>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_Broadcasts", x => x.Id);
                table.ForeignKey("FK_Broadcasts_Channels_ChannelId", x => x.ChannelId, "Channels", "Id", onDelete: ReferentialAction.Cascade);
            });
        migrationBuilder.CreateIndex("IX_Broadcasts_ChannelId_StartedAt", "Broadcasts", ["ChannelId", "StartedAt"]);

        migrationBuilder.CreateTable(
            name: "ViewSessions",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                ChannelId = table.Column<Guid>(nullable: false),
                BroadcastId = table.Column<Guid>(nullable: true),
                UserId = table.Column<Guid>(nullable: true),
                ViewerKey = table.Column<string>(maxLength: 80, nullable: false),
                StartedAt = table.Column<DateTime>(nullable: false),
                LastSeenAt = table.Column<DateTime>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_ViewSessions", x => x.Id);
                table.ForeignKey("FK_ViewSessions_Channels_ChannelId", x => x.ChannelId, "Channels", "Id", onDelete: ReferentialAction.Cascade);
            });
        migrationBuilder.CreateIndex("IX_ViewSessions_ChannelId_ViewerKey_LastSeenAt", "ViewSessions", ["ChannelId", "ViewerKey", "LastSeenAt"]);
        migrationBuilder.CreateIndex("IX_ViewSessions_BroadcastId", "ViewSessions", "BroadcastId");
        migrationBuilder.CreateIndex("IX_ViewSessions_UserId", "ViewSessions", "UserId");

        migrationBuilder.CreateTable(
            name: "ViewerCountSamples",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                ChannelId = table.Column<Guid>(nullable: false),
                BroadcastId = table.Column<Guid>(nullable: true),
                At = table.Column<DateTime>(nullable: false),
                Viewers = table.Column<int>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_ViewerCountSamples", x => x.Id);
                table.ForeignKey("FK_ViewerCountSamples_Channels_ChannelId", x => x.ChannelId, "Channels", "Id", onDelete: ReferentialAction.Cascade);
            });
        migrationBuilder.CreateIndex("IX_ViewerCountSamples_ChannelId_At", "ViewerCountSamples", ["ChannelId", "At"]);

        migrationBuilder.CreateTable(
            name: "ChannelSearchDocuments",
            columns: table => new
            {
                ChannelId = table.Column<Guid>(nullable: false),
                Name = table.Column<string>(maxLength: 100, nullable: false),
                Title = table.Column<string>(maxLength: 200, nullable: false),
                Category = table.Column<string>(maxLength: 100, nullable: true),
                SourceUpdatedAt = table.Column<DateTime>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_ChannelSearchDocuments", x => x.ChannelId);
                table.ForeignKey("FK_ChannelSearchDocuments_Channels_ChannelId", x => x.ChannelId, "Channels", "Id", onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateTable(
            name: "ChannelSearchKeys",
            columns: table => new
            {
                Key = table.Column<string>(maxLength: 80, nullable: false),
                ChannelId = table.Column<Guid>(nullable: false),
                Field = table.Column<byte>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_ChannelSearchKeys", x => new { x.Key, x.ChannelId, x.Field });
                table.ForeignKey("FK_ChannelSearchKeys_Channels_ChannelId", x => x.ChannelId, "Channels", "Id", onDelete: ReferentialAction.Cascade);
            });
        migrationBuilder.CreateIndex("IX_ChannelSearchKeys_ChannelId", "ChannelSearchKeys", "ChannelId");

        migrationBuilder.CreateTable(
            name: "SearchTermTrigrams",
            columns: table => new
            {
                Trigram = table.Column<string>(maxLength: 16, nullable: false),
                Term = table.Column<string>(maxLength: 40, nullable: false),
                TermLength = table.Column<int>(nullable: false),
            },
            constraints: table => table.PrimaryKey("PK_SearchTermTrigrams", x => new { x.Trigram, x.Term }));
        migrationBuilder.CreateIndex("IX_SearchTermTrigrams_Term", "SearchTermTrigrams", "Term");
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        foreach (var table in new[]
        {
            "SearchTermTrigrams", "ChannelSearchKeys", "ChannelSearchDocuments", "ViewerCountSamples", "ViewSessions",
            "Broadcasts", "WatchHistory", "CommunityPosts", "ScheduledShows", "WebhookDeliveries", "WebhookSubscriptions",
            "Notifications", "NotificationMutes",
        })
        {
            migrationBuilder.DropTable(table);
        }

        migrationBuilder.DropIndex("IX_UserBlocks_BlockedId", "UserBlocks");
        migrationBuilder.DropIndex("IX_Follows_ChannelId_CreatedAt", "Follows");
        migrationBuilder.CreateIndex("IX_Follows_ChannelId", "Follows", "ChannelId");
    }
}
