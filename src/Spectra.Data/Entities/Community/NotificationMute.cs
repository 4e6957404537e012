namespace Spectra.Data.Entities.Community;

/// <summary>A follower opted out of notifications for one channel (they still follow it).</summary>
public class NotificationMute
{
    public Guid UserId { get; set; }

    public Guid ChannelId { get; set; }

    public DateTime CreatedAt { get; set; }
}
