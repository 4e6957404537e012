namespace Spectra.Server.Chat.Polls;

internal enum PollVoteResult
{
    /// <summary>First vote of this user.</summary>
    Accepted,

    /// <summary>The user moved their vote to another option (or voted the same again).</summary>
    Changed,

    /// <summary>The poll has closed; nothing changed.</summary>
    Closed,

    /// <summary>No such option; nothing changed.</summary>
    InvalidOption,
}
