namespace Spectra.Data.Entities.Chat;

public class ChatBlockedTerm
{
    public Guid Id { get; set; }

    public Guid ChannelId { get; set; }

    /// <summary>One or more words, 1–100 characters; matched after look-alike normalisation.</summary>
    public string Term { get; set; } = "";

    /// <summary>0 = reject the message, 1 = hold it for review.</summary>
    public int Action { get; set; }

    public Guid CreatedById { get; set; }

    public DateTime CreatedAt { get; set; }
}
