namespace Spectra.Data.Entities.Community;

/// <summary>What a user watched, one row per channel: for "Recently watched" and recommendations.</summary>
public class WatchHistoryEntry
{
    public Guid UserId { get; set; }

    public Guid ChannelId { get; set; }

    public DateTime FirstWatchedAt { get; set; }

    public DateTime LastWatchedAt { get; set; }

    /// <summary>Accumulated watch time in seconds.</summary>
    public int WatchSeconds { get; set; }
}
