namespace Spectra.Data.Entities.Chat;

/// <summary>A user hides another user's messages for themself, in every channel.</summary>
public class UserBlock
{
    public Guid BlockerId { get; set; }

    public Guid BlockedId { get; set; }

    public DateTime CreatedAt { get; set; }
}
