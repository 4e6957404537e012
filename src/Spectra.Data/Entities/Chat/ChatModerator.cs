namespace Spectra.Data.Entities.Chat;

/// <summary>A user appointed moderator of a channel's chat by its owner.</summary>
public class ChatModerator
{
    public Guid ChannelId { get; set; }

    public Guid UserId { get; set; }

    public Guid AppointedById { get; set; }

    public DateTime CreatedAt { get; set; }
}
