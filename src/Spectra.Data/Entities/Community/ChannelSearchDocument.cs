namespace Spectra.Data.Entities.Community;

/// <summary>
/// The indexed copy of a channel's searchable text. <see cref="SourceUpdatedAt"/> is the channel's
/// UpdatedAt when indexed; a differing value means the keys are stale.
/// </summary>
public class ChannelSearchDocument
{
    public Guid ChannelId { get; set; }

    public string Name { get; set; } = string.Empty;

    public string Title { get; set; } = string.Empty;

    public string? Category { get; set; }

    public DateTime SourceUpdatedAt { get; set; }
}
