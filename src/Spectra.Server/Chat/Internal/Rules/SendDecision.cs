namespace Spectra.Server.Chat.Internal.Rules;

/// <summary>The outcome of the send rules: allowed, or refused with a reason the sender sees.</summary>
internal sealed record SendDecision(ChatRefusal Refusal, string? Reason = null, TimeSpan? RetryAfter = null)
{
    public static SendDecision Allowed { get; } = new(ChatRefusal.None);

    public bool IsAllowed => Refusal == ChatRefusal.None;
}
