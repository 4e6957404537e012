namespace Spectra.Server.Chat.Contracts;

/// <summary>Outcome of SendMessage.</summary>
/// <param name="Status">"posted", "held" (waiting for a moderator), "refused", or "command" (a chat command ran).</param>
/// <param name="Code">For "refused": a stable camelCase reason code (slowMode, timedOut, blockedTerm, …).</param>
/// <param name="Reason">Human-readable explanation, or the command's reply.</param>
/// <param name="RetryAfterMs">When waiting helps (slow mode, time-out, rate limit): milliseconds to wait.</param>
internal sealed record SendResult(string Status, ChatMessageDto? Message = null, string? Code = null, string? Reason = null, long? RetryAfterMs = null)
{
    public const string Posted = "posted";
    public const string Held = "held";
    public const string Refused = "refused";
    public const string Command = "command";
}
