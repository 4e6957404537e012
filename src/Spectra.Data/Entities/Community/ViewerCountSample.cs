namespace Spectra.Data.Entities.Community;

/// <summary>Concurrent viewers of a live channel, sampled periodically (viewers-over-time chart).</summary>
public class ViewerCountSample
{
    public Guid Id { get; set; }

    public Guid ChannelId { get; set; }

    public Guid? BroadcastId { get; set; }

    public DateTime At { get; set; }

    public int Viewers { get; set; }
}
