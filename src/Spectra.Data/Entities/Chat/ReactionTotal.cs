namespace Spectra.Data.Entities.Chat;

/// <summary>Taps of one reaction kind in a channel during one stream session (or outside sessions).</summary>
public class ReactionTotal
{
    public Guid Id { get; set; }

    public Guid ChannelId { get; set; }

    /// <summary>null for reactions while no session was live.</summary>
    public Guid? StreamSessionId { get; set; }

    /// <summary>Index into the fixed reaction set (0–5).</summary>
    public int Kind { get; set; }

    public long Count { get; set; }

    public DateTime UpdatedAt { get; set; }
}
