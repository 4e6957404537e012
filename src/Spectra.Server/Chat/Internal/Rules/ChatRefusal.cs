namespace Spectra.Server.Chat.Internal.Rules;

/// <summary>Why a message was not posted. Sent to the sender as a stable code (camelCase name).</summary>
internal enum ChatRefusal
{
    None,
    NotSignedIn,
    ChatDisabled,
    Banned,
    TimedOut,
    SlowMode,
    FollowersOnly,
    FollowAgeTooShort,
    EmoteOnly,
    LinksNotAllowed,
    TooLong,
    Empty,
    BlockedTerm,
    RateLimited,
}
