using System.Diagnostics;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Spectra.Data;
using Spectra.Data.Entities.Community;

namespace Spectra.Server.Community.Notifications;

/// <summary>
/// Stores one notification per follower (minus those who muted the channel) with a single
/// INSERT … SELECT — 100 000 followers are one statement, not 100 000 entities — then pushes it to
/// the followers connected to this node.
/// </summary>
public sealed class NotificationFanOut(IServiceScopeFactory scopes, NotificationConnections connections, TimeProvider clock, ILogger<NotificationFanOut> logger)
{
    private const int ChunkSize = 500;

    public async Task<(int Stored, int Delivered)> NotifyFollowersAsync(Guid channelId, NotificationKind kind, string text, string url, CancellationToken ct)
    {
        var started = Stopwatch.GetTimestamp();
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<SpectraDbContext>();
        var now = clock.GetUtcNow().UtcDateTime;
        var kindValue = (int)kind;
        var isSqlite = db.Database.ProviderName?.Contains("Sqlite", StringComparison.Ordinal) == true;

        // Ids: SQLite stores Guids as upper-case text; build a version-4 shaped one from random bytes.
        // PostgreSQL 13+ has gen_random_uuid().
        var stored = isSqlite
            ? await db.Database.ExecuteSqlInterpolatedAsync($"""
                INSERT INTO "Notifications" ("Id", "UserId", "Kind", "ChannelId", "Text", "Url", "CreatedAt", "ReadAt")
                SELECT substr(h, 1, 8) || '-' || substr(h, 9, 4) || '-4' || substr(h, 14, 3) || '-8' || substr(h, 18, 3) || '-' || substr(h, 21, 12),
                       "FollowerId", {kindValue}, {channelId}, {text}, {url}, {now}, NULL
                FROM (SELECT f."FollowerId", hex(randomblob(16)) AS h
                      FROM "Follows" AS f
                      WHERE f."ChannelId" = {channelId}
                        AND NOT EXISTS (SELECT 1 FROM "NotificationMutes" AS m WHERE m."UserId" = f."FollowerId" AND m."ChannelId" = {channelId}))
                """, ct)
            : await db.Database.ExecuteSqlInterpolatedAsync($"""
                INSERT INTO "Notifications" ("Id", "UserId", "Kind", "ChannelId", "Text", "Url", "CreatedAt", "ReadAt")
                SELECT gen_random_uuid(), f."FollowerId", {kindValue}, {channelId}, {text}, {url}, {now}, NULL
                FROM "Follows" AS f
                WHERE f."ChannelId" = {channelId}
                  AND NOT EXISTS (SELECT 1 FROM "NotificationMutes" AS m WHERE m."UserId" = f."FollowerId" AND m."ChannelId" = {channelId})
                """, ct);

        var delivered = 0;
        var connected = connections.ConnectedUsers.ToArray();
        if (connected.Length > 0 && stored > 0)
        {
            var message = JsonSerializer.SerializeToUtf8Bytes(new
            {
                type = "notification",
                notification = new NotificationItem(Guid.Empty, NotificationService.KindName(kind), channelId, text, url, now, false),
            }, Webhooks.WebhookService.Json);
            for (var i = 0; i < connected.Length; i += ChunkSize)
            {
                var chunk = connected.AsSpan(i, Math.Min(ChunkSize, connected.Length - i)).ToArray();
                var recipients = await db.Set<Follow>().AsNoTracking()
                    .Where(f => f.ChannelId == channelId && chunk.Contains(f.FollowerId))
                    .Where(f => !db.Set<NotificationMute>().Any(m => m.UserId == f.FollowerId && m.ChannelId == channelId))
                    .Select(f => f.FollowerId)
                    .ToListAsync(ct);
                foreach (var userId in recipients)
                {
                    if (connections.Send(userId, message))
                    {
                        delivered++;
                    }
                }
            }
        }

        CommunityLog.FannedOut(logger, channelId, stored, delivered, (long)Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        return (stored, delivered);
    }
}
