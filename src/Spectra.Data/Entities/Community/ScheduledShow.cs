namespace Spectra.Data.Entities.Community;

/// <summary>An upcoming show of a channel. <see cref="NotifiedAt"/> is set once followers were told it started.</summary>
public class ScheduledShow
{
    public Guid Id { get; set; }

    public Guid ChannelId { get; set; }

    public string Title { get; set; } = string.Empty;

    public int? CategoryId { get; set; }

    public string Description { get; set; } = string.Empty;

    public DateTime StartsAt { get; set; }

    public DateTime EndsAt { get; set; }

    public DateTime CreatedAt { get; set; }

    public DateTime? NotifiedAt { get; set; }
}
