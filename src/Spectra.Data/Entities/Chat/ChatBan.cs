namespace Spectra.Data.Entities.Chat;

/// <summary>A ban (no end) or time-out (with an end) of a user in a channel's chat.</summary>
public class ChatBan
{
    public Guid ChannelId { get; set; }

    public Guid UserId { get; set; }

    /// <summary>null for a ban; the end of a time-out otherwise.</summary>
    public DateTime? ExpiresAt { get; set; }

    public string? Reason { get; set; }

    public Guid CreatedById { get; set; }

    public DateTime CreatedAt { get; set; }
}
