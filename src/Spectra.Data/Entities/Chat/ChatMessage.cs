namespace Spectra.Data.Entities.Chat;

public class ChatMessage
{
    public Guid Id { get; set; }

    public Guid ChannelId { get; set; }

    /// <summary>Per-channel, gap-free order of published messages (1, 2, 3, …); null while held.</summary>
    public long? Sequence { get; set; }

    public Guid SenderId { get; set; }

    /// <summary>The sender's user name at the time of sending.</summary>
    public string SenderName { get; set; } = "";

    public ChatBadges Badges { get; set; }

    /// <summary>Cleaned text (at most 500 Unicode scalar values).</summary>
    public string Text { get; set; } = "";

    /// <summary>Whether addresses in the text are shown as links (channel allowed links, or a moderator wrote).</summary>
    public bool Linkify { get; set; }

    public ChatMessageState State { get; set; }

    /// <summary>The blocked term that held the message, if any.</summary>
    public string? HeldFor { get; set; }

    public DateTime CreatedAt { get; set; }

    public DateTime? DeletedAt { get; set; }

    public Guid? DeletedById { get; set; }

    /// <summary>The live session the message was sent in, when the channel was live.</summary>
    public Guid? StreamSessionId { get; set; }
}
