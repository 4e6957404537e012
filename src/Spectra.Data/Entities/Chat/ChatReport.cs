namespace Spectra.Data.Entities.Chat;

/// <summary>A viewer's report of a message, waiting in the channel's review queue until resolved.</summary>
public class ChatReport
{
    public Guid Id { get; set; }

    public Guid ChannelId { get; set; }

    public Guid MessageId { get; set; }

    public Guid ReporterId { get; set; }

    public string? Reason { get; set; }

    public DateTime CreatedAt { get; set; }

    public DateTime? ResolvedAt { get; set; }

    public Guid? ResolvedById { get; set; }

    /// <summary>"deleted" or "dismissed" once resolved.</summary>
    public string? Resolution { get; set; }
}
