namespace Spectra.Data.Entities.Community;

/// <summary>
/// Community's record of one live session of a channel (from the stream online/offline events),
/// carrying the figures analytics needs. <see cref="Id"/> is the stream session id when known.
/// </summary>
public class Broadcast
{
    public Guid Id { get; set; }

    public Guid ChannelId { get; set; }

    public DateTime StartedAt { get; set; }

    public DateTime? EndedAt { get; set; }

    public int PeakViewers { get; set; }
}
