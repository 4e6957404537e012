using System.Text.Json;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Spectra.Data;
using Spectra.Data.Entities.Community;

namespace Spectra.Server.Community.Webhooks;

/// <summary>Registering webhooks and queueing deliveries (the dispatcher sends them).</summary>
internal sealed class WebhookService(
    SpectraDbContext db,
    IDataProtectionProvider protection,
    WebhookSignal signal,
    IOptions<CommunityOptions> options,
    TimeProvider clock,
    ILogger<WebhookService> logger)
{
    public const string ProtectorPurpose = "Spectra.Community.WebhookSecret";

    internal static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public async Task<(CommunityResult Result, WebhookInfo? Webhook)> CreateAsync(Guid ownerId, string? url, IReadOnlyList<string>? events, CancellationToken ct)
    {
        var channel = await ChannelRef.FindByOwnerAsync(db, ownerId, ct);
        if (channel is null)
        {
            return (Refuse(ownerId, CommunityError.NotFound, "You have no channel."), null);
        }

        var error = await WebhookUrlValidator.CheckAsync(url, options.Value.AllowPrivateWebhookTargets, ct);
        if (error is not null)
        {
            return (Refuse(ownerId, CommunityError.Invalid, error), null);
        }

        var selected = events is null || events.Count == 0 ? WebhookEventTypes.All : events.Distinct(StringComparer.Ordinal).ToList();
        var unknown = selected.FirstOrDefault(e => !WebhookEventTypes.All.Contains(e));
        if (unknown is not null)
        {
            return (Refuse(ownerId, CommunityError.Invalid, $"Unknown event type '{unknown}'. Known: {string.Join(", ", WebhookEventTypes.All)}."), null);
        }

        if (await db.Set<WebhookSubscription>().CountAsync(w => w.ChannelId == channel.ChannelId, ct) >= options.Value.MaxWebhooksPerChannel)
        {
            return (Refuse(ownerId, CommunityError.LimitReached, $"A channel can have at most {options.Value.MaxWebhooksPerChannel} webhooks."), null);
        }

        var secret = WebhookSigner.NewSecret();
        var subscription = new WebhookSubscription
        {
            Id = Guid.NewGuid(),
            ChannelId = channel.ChannelId,
            Url = url!,
            ProtectedSecret = protection.CreateProtector(ProtectorPurpose).Protect(secret),
            Events = string.Join(',', selected),
            Enabled = true,
            CreatedAt = clock.GetUtcNow().UtcDateTime,
        };
        db.Add(subscription);
        await db.SaveChangesAsync(ct);
        return (CommunityResult.Ok, ToInfo(subscription, secret));
    }

    public async Task<IReadOnlyList<WebhookInfo>> ListAsync(Guid ownerId, CancellationToken ct)
    {
        var list = await (from w in db.Set<WebhookSubscription>().AsNoTracking()
                          join c in db.Set<Spectra.Data.Entities.Channels.Channel>() on w.ChannelId equals c.Id
                          where c.OwnerId == ownerId
                          orderby w.CreatedAt
                          select w).ToListAsync(ct);
        return list.Select(w => ToInfo(w, null)).ToList();
    }

    public async Task<CommunityResult> DeleteAsync(Guid ownerId, Guid id, CancellationToken ct)
    {
        var owned = db.Set<WebhookSubscription>().Where(w => w.Id == id && db.Set<Spectra.Data.Entities.Channels.Channel>().Any(c => c.Id == w.ChannelId && c.OwnerId == ownerId));
        if (!await owned.AnyAsync(ct))
        {
            return Refuse(ownerId, CommunityError.NotFound, "No such webhook.");
        }

        await using var tx = await db.Database.BeginTransactionAsync(ct);
        await db.Set<WebhookDelivery>().Where(d => d.SubscriptionId == id).ExecuteDeleteAsync(ct);
        await owned.ExecuteDeleteAsync(ct);
        await tx.CommitAsync(ct);
        return CommunityResult.Ok;
    }

    /// <summary>Latest deliveries of the owner's webhooks, newest first.</summary>
    public async Task<IReadOnlyList<WebhookDeliveryInfo>> DeliveriesAsync(Guid ownerId, Guid? webhookId, int take, CancellationToken ct)
    {
        var query = from d in db.Set<WebhookDelivery>().AsNoTracking()
                    join w in db.Set<WebhookSubscription>() on d.SubscriptionId equals w.Id
                    join c in db.Set<Spectra.Data.Entities.Channels.Channel>() on w.ChannelId equals c.Id
                    where c.OwnerId == ownerId
                    select d;
        if (webhookId is Guid id)
        {
            query = query.Where(d => d.SubscriptionId == id);
        }

        var rows = await query.OrderByDescending(d => d.CreatedAt).Take(Math.Clamp(take, 1, 200)).ToListAsync(ct);
        return rows.Select(d => new WebhookDeliveryInfo(
            d.Id, d.SubscriptionId, d.EventType, d.State.ToString().ToLowerInvariant(), d.Attempts, d.LastStatusCode, d.LastError,
            d.CreatedAt, d.CompletedAt, d.State == WebhookDeliveryState.Pending ? d.NextAttemptAt : null)).ToList();
    }

    /// <summary>
    /// Queues one delivery per enabled subscription of the channel that wants <paramref name="eventType"/>.
    /// With <paramref name="saveChanges"/> false the rows join the caller's unit of work.
    /// </summary>
    public async Task<int> EnqueueAsync(Guid channelId, string eventType, object data, bool saveChanges, CancellationToken ct)
    {
        var subscriptions = await db.Set<WebhookSubscription>().AsNoTracking()
            .Where(w => w.ChannelId == channelId && w.Enabled)
            .Select(w => new { w.Id, w.Events })
            .ToListAsync(ct);
        var now = clock.GetUtcNow().UtcDateTime;
        var count = 0;
        foreach (var subscription in subscriptions)
        {
            if (!subscription.Events.Split(',').Contains(eventType, StringComparer.Ordinal))
            {
                continue;
            }

            var id = Guid.NewGuid();
            var payload = JsonSerializer.Serialize(new { id, type = eventType, createdAt = now, data }, Json);
            db.Add(new WebhookDelivery
            {
                Id = id,
                SubscriptionId = subscription.Id,
                EventType = eventType,
                Payload = payload,
                State = WebhookDeliveryState.Pending,
                CreatedAt = now,
                NextAttemptAt = now,
            });
            count++;
        }

        if (saveChanges && count > 0)
        {
            await db.SaveChangesAsync(ct);
            Wake();
        }

        return count;
    }

    public void Wake() => signal.Set();

    private static WebhookInfo ToInfo(WebhookSubscription w, string? secret) =>
        new(w.Id, w.Url, w.Events.Split(',', StringSplitOptions.RemoveEmptyEntries), w.Enabled, w.CreatedAt, secret);

    private CommunityResult Refuse(Guid userId, CommunityError error, string message)
    {
        CommunityLog.Refused(logger, "webhook", userId, message);
        return CommunityResult.Fail(error, message);
    }
}
