namespace Spectra.Server.Chat.Internal.Text;

/// <summary>The blocked term found in a message and what to do about it.</summary>
internal sealed record BlockedTermMatch(string Term, BlockedTermAction Action);
