namespace Spectra.Data.Entities.Chat;

/// <summary>Audience figures of one stream session: peak and average concurrent viewers.</summary>
public class ChatSessionStats
{
    public Guid StreamSessionId { get; set; }

    public Guid ChannelId { get; set; }

    public int PeakViewers { get; set; }

    /// <summary>Mean of the viewer samples (one per presence tick, default every 3 s).</summary>
    public double AverageViewers { get; set; }

    public long Samples { get; set; }

    public DateTime UpdatedAt { get; set; }
}
