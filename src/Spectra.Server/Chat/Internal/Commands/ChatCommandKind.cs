namespace Spectra.Server.Chat.Internal.Commands;

internal enum ChatCommandKind
{
    Help,
    Slow,
    FollowersOnly,
    EmoteOnly,
    Links,
    MaxLength,
    Chat,
    Timeout,
    Untimeout,
    Ban,
    Unban,
    Mod,
    Unmod,
    Block,
    Unblock,
}
