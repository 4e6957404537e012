using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Spectra.IntegrationTests.Data.HandWrittenMigrations;

/// <summary>Indexes the retention sweeps delete by: notifications by age, webhook deliveries by completion.</summary>
[DbContext(typeof(HandWrittenMigrationsDbContext))]
[Migration("20261121210000_CommunityRetention")]
public sealed class CommunityRetention : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        ArgumentNullException.ThrowIfNull(migrationBuilder);
        migrationBuilder.CreateIndex("IX_Notifications_CreatedAt", "Notifications", "CreatedAt");
        migrationBuilder.CreateIndex("IX_WebhookDeliveries_CompletedAt", "WebhookDeliveries", "CompletedAt");
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        ArgumentNullException.ThrowIfNull(migrationBuilder);
        migrationBuilder.DropIndex("IX_Notifications_CreatedAt", "Notifications");
        migrationBuilder.DropIndex("IX_WebhookDeliveries_CompletedAt", "WebhookDeliveries");
    }
}
