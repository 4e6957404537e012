using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Spectra.Data;
using Spectra.Data.Entities.Community;
using Spectra.Server.Community.Notifications;
using Spectra.Testing;
using Spectra.Testing.Community;
using static Spectra.IntegrationTests.Community.CommunityTestSupport;

namespace Spectra.IntegrationTests.Community;

public sealed class RetentionTests
{
    [Theory]
    [MemberData(nameof(Databases), MemberType = typeof(CommunityTestSupport))]
    public async Task RunOnce_OldNotificationsAndFinishedDeliveries_DeletedRecentAndPendingKept(DatabaseKind database)
    {
        await using var host = await SpectraHost.StartAsync(database, new Dictionary<string, string?>
        {
            ["Community:NotificationRetentionDays"] = "30",
            ["Community:WebhookLogRetentionDays"] = "7",
        });
        var alice = Unique("alice");
        using var client = await host.SignUpAsync(alice);
        var userId = await UserIdAsync(host, alice);
        var channelId = await host.ChannelIdAsync(alice);
        var now = DateTime.UtcNow;
        var subscriptionId = Guid.NewGuid();
        await using (var scope = host.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<SpectraDbContext>();
            db.Add(new WebhookSubscription { Id = subscriptionId, ChannelId = channelId, Url = "http://127.0.0.1:9/x", ProtectedSecret = "x", Events = "stream.online", CreatedAt = now.AddDays(-60) });
            foreach (var (age, read, text) in new[] { (40, true, "old read"), (31, false, "old unread"), (29, false, "recent"), (0, true, "today") })
            {
                db.Add(new Notification { Id = Guid.NewGuid(), UserId = userId, Kind = NotificationKind.StreamOnline, Text = text, CreatedAt = now.AddDays(-age), ReadAt = read ? now : null });
            }

            // Pending deliveries are due tomorrow, so the dispatcher leaves them alone during the test.
            foreach (var (age, completed, type) in new[] { (10, true, "old done"), (10, false, "old pending"), (3, true, "recent done") })
            {
                db.Add(new WebhookDelivery
                {
                    Id = Guid.NewGuid(), SubscriptionId = subscriptionId, EventType = type, Payload = "{}",
                    State = completed ? WebhookDeliveryState.Succeeded : WebhookDeliveryState.Pending,
                    CreatedAt = now.AddDays(-age), NextAttemptAt = now.AddDays(1), CompletedAt = completed ? now.AddDays(-age) : null,
                });
            }

            await db.SaveChangesAsync();
        }

        var (notifications, deliveries) = await host.Services.GetRequiredService<CommunityRetention>().RunOnceAsync(CancellationToken.None);

        Assert.Equal((2, 1), (notifications, deliveries));
        await using (var scope = host.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<SpectraDbContext>();
            Assert.Equal(["recent", "today"], await db.Set<Notification>().Where(n => n.UserId == userId).OrderBy(n => n.CreatedAt).Select(n => n.Text).ToListAsync());
            Assert.Equal(["old pending", "recent done"], await db.Set<WebhookDelivery>().Where(d => d.SubscriptionId == subscriptionId).OrderBy(d => d.CreatedAt).ThenBy(d => d.EventType).Select(d => d.EventType).ToListAsync());
        }
    }
}
