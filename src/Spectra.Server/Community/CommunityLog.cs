namespace Spectra.Server.Community;

/// <summary>Log messages of the community area; event ids 5000–5099.</summary>
internal static partial class CommunityLog
{
    [LoggerMessage(5000, LogLevel.Information, "Refused {Operation} by user {UserId}: {Reason}")]
    public static partial void Refused(ILogger logger, string operation, Guid userId, string reason);

    [LoggerMessage(5001, LogLevel.Information, "Go-live of channel {ChannelId}: {Count} notifications stored, {Delivered} delivered live in {ElapsedMs} ms")]
    public static partial void FannedOut(ILogger logger, Guid channelId, int count, int delivered, long elapsedMs);

    [LoggerMessage(5002, LogLevel.Information, "Recommendation model rebuilt: {Channels} channels, {Users} users in {ElapsedMs} ms")]
    public static partial void ModelBuilt(ILogger logger, int channels, int users, long elapsedMs);

    [LoggerMessage(5003, LogLevel.Warning, "Webhook delivery {DeliveryId} attempt {Attempt} failed ({Status}): {Error}")]
    public static partial void WebhookAttemptFailed(ILogger logger, Guid deliveryId, int attempt, string status, string error);

    [LoggerMessage(5004, LogLevel.Information, "Webhook delivery {DeliveryId} succeeded on attempt {Attempt}")]
    public static partial void WebhookDelivered(ILogger logger, Guid deliveryId, int attempt);

    [LoggerMessage(5005, LogLevel.Warning, "Webhook delivery {DeliveryId} gave up after {Attempt} attempts")]
    public static partial void WebhookGaveUp(ILogger logger, Guid deliveryId, int attempt);

    [LoggerMessage(5006, LogLevel.Information, "Search index updated for {Count} channels")]
    public static partial void Indexed(ILogger logger, int count);

    [LoggerMessage(5007, LogLevel.Warning, "Background task {Task} failed; it will run again")]
    public static partial void BackgroundFailed(ILogger logger, Exception exception, string task);

    [LoggerMessage(5008, LogLevel.Information, "Scheduled show {ShowId} started: {Count} followers notified")]
    public static partial void ShowStarted(ILogger logger, Guid showId, int count);
}
