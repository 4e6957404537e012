namespace Spectra.Server.Chat.Internal.Text;

/// <summary>What happens to a message that contains a blocked term. Values are stored.</summary>
internal enum BlockedTermAction
{
    /// <summary>The message is refused and the sender told why.</summary>
    Reject = 0,

    /// <summary>The message is kept out of chat until a moderator approves it.</summary>
    Hold = 1,
}
