namespace Spectra.Data.Entities.Chat;

/// <summary>Lifecycle of a chat message. Values are stored.</summary>
public enum ChatMessageState
{
    /// <summary>Published to the channel (has a sequence number).</summary>
    Visible = 0,

    /// <summary>Held by a blocked term, waiting for a moderator; never published while held.</summary>
    Held = 1,

    /// <summary>Removed by a moderator (or a held message that was rejected).</summary>
    Deleted = 2,
}
