namespace Spectra.Data.Entities.Chat;

/// <summary>A viewer's question in a channel's Q&amp;A.</summary>
public class ChatQuestion
{
    public Guid Id { get; set; }

    public Guid ChannelId { get; set; }

    public Guid? StreamSessionId { get; set; }

    public Guid AuthorId { get; set; }

    public string AuthorName { get; set; } = "";

    /// <summary>1–300 characters.</summary>
    public string Text { get; set; } = "";

    public int Upvotes { get; set; }

    public bool IsPinned { get; set; }

    public DateTime? AnsweredAt { get; set; }

    /// <summary>Removed by the owner or a moderator.</summary>
    public bool IsDismissed { get; set; }

    public DateTime CreatedAt { get; set; }
}
