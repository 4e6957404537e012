namespace Spectra.Data.Entities.Community;

/// <summary>A user follows a channel. Minimal here; the community area extends it.</summary>
public class Follow
{
    public Guid FollowerId { get; set; }

    public Guid ChannelId { get; set; }

    public DateTime CreatedAt { get; set; }
}
