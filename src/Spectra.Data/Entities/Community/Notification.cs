namespace Spectra.Data.Entities.Community;

/// <summary>An in-app notification for one user; unread while <see cref="ReadAt"/> is null.</summary>
public class Notification
{
    public Guid Id { get; set; }

    public Guid UserId { get; set; }

    public NotificationKind Kind { get; set; }

    public Guid? ChannelId { get; set; }

    /// <summary>Display text, at most 200 characters.</summary>
    public string Text { get; set; } = string.Empty;

    /// <summary>Site-relative link, e.g. "/alice".</summary>
    public string? Url { get; set; }

    public DateTime CreatedAt { get; set; }

    public DateTime? ReadAt { get; set; }
}
