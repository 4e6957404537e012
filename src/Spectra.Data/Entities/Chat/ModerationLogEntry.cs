namespace Spectra.Data.Entities.Chat;

/// <summary>One moderation action: who did what to whom, when and why.</summary>
public class ModerationLogEntry
{
    public Guid Id { get; set; }

    public Guid ChannelId { get; set; }

    public Guid ActorId { get; set; }

    public string ActorName { get; set; } = "";

    /// <summary>Stable action name such as "delete", "timeout", "ban", "settings" (see ModerationActions).</summary>
    public string Action { get; set; } = "";

    public Guid? TargetUserId { get; set; }

    public string? TargetName { get; set; }

    public Guid? MessageId { get; set; }

    /// <summary>What changed, for example "slow mode 10 s" or the deleted text.</summary>
    public string? Details { get; set; }

    public string? Reason { get; set; }

    public DateTime CreatedAt { get; set; }
}
