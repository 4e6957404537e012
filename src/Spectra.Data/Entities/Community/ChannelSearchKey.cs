namespace Spectra.Data.Entities.Community;

/// <summary>
/// One search key of a channel ("w:chess", "p:che", "n:alice", "m:al"); <see cref="Field"/> is the
/// source field (0 name, 1 title, 2 category, 3 tag). Lookups are equality on <see cref="Key"/>.
/// </summary>
public class ChannelSearchKey
{
    public string Key { get; set; } = string.Empty;

    public Guid ChannelId { get; set; }

    public byte Field { get; set; }
}
