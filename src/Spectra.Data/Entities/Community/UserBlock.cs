namespace Spectra.Data.Entities.Community;

/// <summary>
/// <see cref="BlockerId"/> blocks <see cref="BlockedId"/>: the blocked user cannot follow the blocker's
/// channel, message or see them in chat, and neither is recommended to the other.
/// </summary>
public class UserBlock
{
    public Guid BlockerId { get; set; }

    public Guid BlockedId { get; set; }

    public DateTime CreatedAt { get; set; }
}
