namespace Spectra.Data.Entities.Community;

/// <summary>A user following a channel since <see cref="CreatedAt"/> (UTC). Key (FollowerId, ChannelId).</summary>
public class Follow
{
    public Guid FollowerId { get; set; }

    public Guid ChannelId { get; set; }

    public DateTime CreatedAt { get; set; }
}
