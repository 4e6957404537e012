namespace Spectra.Server.Chat.Internal.Commands;

/// <summary>
/// A parsed chat command. <see cref="Number"/> is seconds for /slow and /timeout, minutes for
/// /followers, characters for /maxlength; null with <see cref="Enabled"/> false means "off".
/// </summary>
internal sealed record ChatCommand(ChatCommandKind Kind, bool Enabled = true, int? Number = null, string? UserName = null, string? Reason = null);
