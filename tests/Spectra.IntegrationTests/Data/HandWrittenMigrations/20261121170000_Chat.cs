using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Spectra.IntegrationTests.Data.HandWrittenMigrations;

/// <summary>Chat, moderation and audience interaction (issue 4); also the minimal Follows table.</summary>
[DbContext(typeof(HandWrittenMigrationsDbContext))]
[Migration("20261121170000_Chat")]
public partial class Chat : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(
            name: "ChatSettings",
            columns: table => new
            {
                ChannelId = table.Column<Guid>(nullable: false),
                ChatEnabled = table.Column<bool>(nullable: false),
                SlowModeSeconds = table.Column<int>(nullable: false),
                FollowersOnlyMinutes = table.Column<int>(nullable: true),
                EmoteOnly = table.Column<bool>(nullable: false),
                LinksAllowed = table.Column<bool>(nullable: false),
                MaxMessageLength = table.Column<int>(nullable: false),
                LastSequence = table.Column<long>(nullable: false),
                OverlayTokenHash = table.Column<string>(maxLength: 64, nullable: true),
                UpdatedAt = table.Column<DateTime>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_ChatSettings", x => x.ChannelId);
                table.ForeignKey("FK_ChatSettings_Channels_ChannelId", x => x.ChannelId, "Channels", "Id", onDelete: ReferentialAction.Cascade);
            });
        migrationBuilder.CreateIndex("IX_ChatSettings_OverlayTokenHash", "ChatSettings", "OverlayTokenHash", unique: true);

        migrationBuilder.CreateTable(
            name: "ChatMessages",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                ChannelId = table.Column<Guid>(nullable: false),
                Sequence = table.Column<long>(nullable: true),
                SenderId = table.Column<Guid>(nullable: false),
                SenderName = table.Column<string>(maxLength: 64, nullable: false),
                Badges = table.Column<int>(nullable: false),
                Text = table.Column<string>(maxLength: 2000, nullable: false),
                Linkify = table.Column<bool>(nullable: false),
                State = table.Column<int>(nullable: false),
                HeldFor = table.Column<string>(maxLength: 100, nullable: true),
                CreatedAt = table.Column<DateTime>(nullable: false),
                DeletedAt = table.Column<DateTime>(nullable: true),
                DeletedById = table.Column<Guid>(nullable: true),
                StreamSessionId = table.Column<Guid>(nullable: true),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_ChatMessages", x => x.Id);
                table.ForeignKey("FK_ChatMessages_Channels_ChannelId", x => x.ChannelId, "Channels", "Id", onDelete: ReferentialAction.Cascade);
            });
        migrationBuilder.CreateIndex("IX_ChatMessages_ChannelId_Sequence", "ChatMessages", ["ChannelId", "Sequence"], unique: true);
        migrationBuilder.CreateIndex("IX_ChatMessages_ChannelId_State_CreatedAt", "ChatMessages", ["ChannelId", "State", "CreatedAt"]);
        migrationBuilder.CreateIndex("IX_ChatMessages_ChannelId_SenderId_CreatedAt", "ChatMessages", ["ChannelId", "SenderId", "CreatedAt"]);

        migrationBuilder.CreateTable(
            name: "ChatModerators",
            columns: table => new
            {
                ChannelId = table.Column<Guid>(nullable: false),
                UserId = table.Column<Guid>(nullable: false),
                AppointedById = table.Column<Guid>(nullable: false),
                CreatedAt = table.Column<DateTime>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_ChatModerators", x => new { x.ChannelId, x.UserId });
                table.ForeignKey("FK_ChatModerators_Channels_ChannelId", x => x.ChannelId, "Channels", "Id", onDelete: ReferentialAction.Cascade);
                table.ForeignKey("FK_ChatModerators_Users_UserId", x => x.UserId, "Users", "Id", onDelete: ReferentialAction.Cascade);
            });
        migrationBuilder.CreateIndex("IX_ChatModerators_UserId", "ChatModerators", "UserId");

        migrationBuilder.CreateTable(
            name: "ChatBans",
            columns: table => new
            {
                ChannelId = table.Column<Guid>(nullable: false),
                UserId = table.Column<Guid>(nullable: false),
                ExpiresAt = table.Column<DateTime>(nullable: true),
                Reason = table.Column<string>(maxLength: 300, nullable: true),
                CreatedById = table.Column<Guid>(nullable: false),
                CreatedAt = table.Column<DateTime>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_ChatBans", x => new { x.ChannelId, x.UserId });
                table.ForeignKey("FK_ChatBans_Channels_ChannelId", x => x.ChannelId, "Channels", "Id", onDelete: ReferentialAction.Cascade);
                table.ForeignKey("FK_ChatBans_Users_UserId", x => x.UserId, "Users", "Id", onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateTable(
            name: "ChatBlockedTerms",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                ChannelId = table.Column<Guid>(nullable: false),
                Term = table.Column<string>(maxLength: 100, nullable: false),
                Action = table.Column<int>(nullable: false),
                CreatedById = table.Column<Guid>(nullable: false),
                CreatedAt = table.Column<DateTime>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_ChatBlockedTerms", x => x.Id);
                table.ForeignKey("FK_ChatBlockedTerms_Channels_ChannelId", x => x.ChannelId, "Channels", "Id", onDelete: ReferentialAction.Cascade);
            });
        migrationBuilder.CreateIndex("IX_ChatBlockedTerms_ChannelId_Term", "ChatBlockedTerms", ["ChannelId", "Term"], unique: true);

        migrationBuilder.CreateTable(
            name: "ChatReports",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                ChannelId = table.Column<Guid>(nullable: false),
                MessageId = table.Column<Guid>(nullable: false),
                ReporterId = table.Column<Guid>(nullable: false),
                Reason = table.Column<string>(maxLength: 300, nullable: true),
                CreatedAt = table.Column<DateTime>(nullable: false),
                ResolvedAt = table.Column<DateTime>(nullable: true),
                ResolvedById = table.Column<Guid>(nullable: true),
                Resolution = table.Column<string>(maxLength: 20, nullable: true),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_ChatReports", x => x.Id);
                table.ForeignKey("FK_ChatReports_ChatMessages_MessageId", x => x.MessageId, "ChatMessages", "Id", onDelete: ReferentialAction.Cascade);
            });
        migrationBuilder.CreateIndex("IX_ChatReports_ChannelId_ResolvedAt_CreatedAt", "ChatReports", ["ChannelId", "ResolvedAt", "CreatedAt"]);
        migrationBuilder.CreateIndex("IX_ChatReports_MessageId_ReporterId", "ChatReports", ["MessageId", "ReporterId"], unique: true);

        migrationBuilder.CreateTable(
            name: "UserBlocks",
            columns: table => new
            {
                BlockerId = table.Column<Guid>(nullable: false),
                BlockedId = table.Column<Guid>(nullable: false),
                CreatedAt = table.Column<DateTime>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_UserBlocks", x => new { x.BlockerId, x.BlockedId });
                table.ForeignKey("FK_UserBlocks_Users_BlockerId", x => x.BlockerId, "Users", "Id", onDelete: ReferentialAction.Cascade);
                table.ForeignKey("FK_UserBlocks_Users_BlockedId", x => x.BlockedId, "Users", "Id", onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateTable(
            name: "ModerationLog",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                ChannelId = table.Column<Guid>(nullable: false),
                ActorId = table.Column<Guid>(nullable: false),
                ActorName = table.Column<string>(maxLength: 64, nullable: false),
                Action = table.Column<string>(maxLength: 32, nullable: false),
                TargetUserId = table.Column<Guid>(nullable: true),
                TargetName = table.Column<string>(maxLength: 64, nullable: true),
                MessageId = table.Column<Guid>(nullable: true),
                Details = table.Column<string>(maxLength: 2000, nullable: true),
                Reason = table.Column<string>(maxLength: 300, nullable: true),
                CreatedAt = table.Column<DateTime>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_ModerationLog", x => x.Id);
                table.ForeignKey("FK_ModerationLog_Channels_ChannelId", x => x.ChannelId, "Channels", "Id", onDelete: ReferentialAction.Cascade);
            });
        migrationBuilder.CreateIndex("IX_ModerationLog_ChannelId_CreatedAt", "ModerationLog", ["ChannelId", "CreatedAt"]);

        migrationBuilder.CreateTable(
            name: "ReactionTotals",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                ChannelId = table.Column<Guid>(nullable: false),
                StreamSessionId = table.Column<Guid>(nullable: true),
                Kind = table.Column<int>(nullable: false),
                Count = table.Column<long>(nullable: false),
                UpdatedAt = table.Column<DateTime>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_ReactionTotals", x => x.Id);
                table.ForeignKey("FK_ReactionTotals_Channels_ChannelId", x => x.ChannelId, "Channels", "Id", onDelete: ReferentialAction.Cascade);
            });
        migrationBuilder.CreateIndex("IX_ReactionTotals_ChannelId_StreamSessionId_Kind", "ReactionTotals", ["ChannelId", "StreamSessionId", "Kind"]);

        migrationBuilder.CreateTable(
            name: "Polls",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                ChannelId = table.Column<Guid>(nullable: false),
                StreamSessionId = table.Column<Guid>(nullable: true),
                Question = table.Column<string>(maxLength: 200, nullable: false),
                Options = table.Column<string>(maxLength: 700, nullable: false),
                CorrectOption = table.Column<int>(nullable: true),
                Counts = table.Column<string>(maxLength: 100, nullable: false),
                CreatedById = table.Column<Guid>(nullable: false),
                OpenedAt = table.Column<DateTime>(nullable: false),
                ClosedAt = table.Column<DateTime>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_Polls", x => x.Id);
                table.ForeignKey("FK_Polls_Channels_ChannelId", x => x.ChannelId, "Channels", "Id", onDelete: ReferentialAction.Cascade);
            });
        migrationBuilder.CreateIndex("IX_Polls_ChannelId_ClosedAt", "Polls", ["ChannelId", "ClosedAt"]);

        migrationBuilder.CreateTable(
            name: "PollVotes",
            columns: table => new
            {
                PollId = table.Column<Guid>(nullable: false),
                UserId = table.Column<Guid>(nullable: false),
                Option = table.Column<int>(nullable: false),
                IsCorrect = table.Column<bool>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_PollVotes", x => new { x.PollId, x.UserId });
                table.ForeignKey("FK_PollVotes_Polls_PollId", x => x.PollId, "Polls", "Id", onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateTable(
            name: "ChatQuestions",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                ChannelId = table.Column<Guid>(nullable: false),
                StreamSessionId = table.Column<Guid>(nullable: true),
                AuthorId = table.Column<Guid>(nullable: false),
                AuthorName = table.Column<string>(maxLength: 64, nullable: false),
                Text = table.Column<string>(maxLength: 1200, nullable: false),
                Upvotes = table.Column<int>(nullable: false),
                IsPinned = table.Column<bool>(nullable: false),
                AnsweredAt = table.Column<DateTime>(nullable: true),
                IsDismissed = table.Column<bool>(nullable: false),
                CreatedAt = table.Column<DateTime>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_ChatQuestions", x => x.Id);
                table.ForeignKey("FK_ChatQuestions_Channels_ChannelId", x => x.ChannelId, "Channels", "Id", onDelete: ReferentialAction.Cascade);
            });
        migrationBuilder.CreateIndex("IX_ChatQuestions_ChannelId_CreatedAt", "ChatQuestions", ["ChannelId", "CreatedAt"]);

        migrationBuilder.CreateTable(
            name: "ChatQuestionVotes",
            columns: table => new
            {
                QuestionId = table.Column<Guid>(nullable: false),
                UserId = table.Column<Guid>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_ChatQuestionVotes", x => new { x.QuestionId, x.UserId });
                table.ForeignKey("FK_ChatQuestionVotes_ChatQuestions_QuestionId", x => x.QuestionId, "ChatQuestions", "Id", onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateTable(
            name: "ChatSessionStats",
            columns: table => new
            {
                StreamSessionId = table.Column<Guid>(nullable: false),
                ChannelId = table.Column<Guid>(nullable: false),
                PeakViewers = table.Column<int>(nullable: false),
                AverageViewers = table.Column<double>(nullable: false),
                Samples = table.Column<long>(nullable: false),
                UpdatedAt = table.Column<DateTime>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_ChatSessionStats", x => x.StreamSessionId);
                table.ForeignKey("FK_ChatSessionStats_Channels_ChannelId", x => x.ChannelId, "Channels", "Id", onDelete: ReferentialAction.Cascade);
            });
        migrationBuilder.CreateIndex("IX_ChatSessionStats_ChannelId", "ChatSessionStats", "ChannelId");

        migrationBuilder.CreateTable(
            name: "Follows",
            columns: table => new
            {
                FollowerId = table.Column<Guid>(nullable: false),
                ChannelId = table.Column<Guid>(nullable: false),
                CreatedAt = table.Column<DateTime>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_Follows", x => new { x.FollowerId, x.ChannelId });
                table.ForeignKey("FK_Follows_Users_FollowerId", x => x.FollowerId, "Users", "Id", onDelete: ReferentialAction.Cascade);
                table.ForeignKey("FK_Follows_Channels_ChannelId", x => x.ChannelId, "Channels", "Id", onDelete: ReferentialAction.Cascade);
            });
        migrationBuilder.CreateIndex("IX_Follows_ChannelId", "Follows", "ChannelId");
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        foreach (var table in new[]
        {
            "Follows", "ChatSessionStats", "ChatQuestionVotes", "ChatQuestions", "PollVotes", "Polls", "ReactionTotals",
            "ModerationLog", "UserBlocks", "ChatReports", "ChatBlockedTerms", "ChatBans", "ChatModerators", "ChatMessages", "ChatSettings",
        })
        {
            migrationBuilder.DropTable(table);
        }
    }
}
