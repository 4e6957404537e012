namespace Spectra.Data.Entities.Videos;

public enum VideoVisibility
{
    /// <summary>Listed on the channel and playable by anyone.</summary>
    Public = 0,

    /// <summary>Not listed; playable by anyone with the link.</summary>
    Unlisted = 1,

    /// <summary>Only the channel's owner (and site admins) see and play it.</summary>
    Private = 2,
}
