namespace Spectra.Data.Entities.Chat;

/// <summary>Badges the server gives a sender at the time of the message. Flags; values are stored.</summary>
[Flags]
public enum ChatBadges
{
    None = 0,
    Owner = 1,
    Moderator = 2,
    Admin = 4,
}
