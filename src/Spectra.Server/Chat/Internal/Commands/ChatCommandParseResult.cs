namespace Spectra.Server.Chat.Internal.Commands;

/// <summary>Either a command or a caller-facing error (usage text).</summary>
internal sealed record ChatCommandParseResult(ChatCommand? Command, string? Error)
{
    public static ChatCommandParseResult Ok(ChatCommand command) => new(command, null);

    public static ChatCommandParseResult Fail(string error) => new(null, error);
}
