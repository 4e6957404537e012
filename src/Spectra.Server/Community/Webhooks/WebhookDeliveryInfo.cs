namespace Spectra.Server.Community.Webhooks;

/// <summary>A delivery as listed in the dashboard.</summary>
internal sealed record WebhookDeliveryInfo(
    Guid Id,
    Guid WebhookId,
    string EventType,
    string State,
    int Attempts,
    int? LastStatusCode,
    string? LastError,
    DateTime CreatedAt,
    DateTime? CompletedAt,
    DateTime? NextAttemptAt);
