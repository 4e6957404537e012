namespace Spectra.Server.Community.Notifications;

/// <summary>A notification as listed and as pushed over the socket.</summary>
internal sealed record NotificationItem(Guid Id, string Kind, Guid? ChannelId, string Text, string? Url, DateTime CreatedAt, bool Read);
