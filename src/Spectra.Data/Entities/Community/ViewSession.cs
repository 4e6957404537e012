namespace Spectra.Data.Entities.Community;

/// <summary>
/// One viewer watching one broadcast continuously (extended by heartbeats): unique viewers and
/// watch time of the analytics. <see cref="ViewerKey"/> is the user id or an anonymous browser id;
/// <see cref="UserId"/> is cleared when the user deletes their history.
/// </summary>
public class ViewSession
{
    public Guid Id { get; set; }

    public Guid ChannelId { get; set; }

    public Guid? BroadcastId { get; set; }

    public Guid? UserId { get; set; }

    public string ViewerKey { get; set; } = string.Empty;

    public DateTime StartedAt { get; set; }

    public DateTime LastSeenAt { get; set; }
}
