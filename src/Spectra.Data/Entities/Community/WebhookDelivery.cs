namespace Spectra.Data.Entities.Community;

/// <summary>
/// One event to deliver to one subscription, with its attempt log summary. Pending deliveries are the
/// durable queue of the dispatcher: due when <see cref="NextAttemptAt"/> has passed.
/// </summary>
public class WebhookDelivery
{
    public Guid Id { get; set; }

    public Guid SubscriptionId { get; set; }

    public string EventType { get; set; } = string.Empty;

    /// <summary>The exact JSON body sent (signed as is).</summary>
    public string Payload { get; set; } = string.Empty;

    public WebhookDeliveryState State { get; set; }

    public int Attempts { get; set; }

    public int? LastStatusCode { get; set; }

    public string? LastError { get; set; }

    public DateTime CreatedAt { get; set; }

    public DateTime NextAttemptAt { get; set; }

    public DateTime? CompletedAt { get; set; }
}
