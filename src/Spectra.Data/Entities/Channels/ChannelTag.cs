namespace Spectra.Data.Entities.Channels;

public sealed class ChannelTag
{
    public Guid ChannelId { get; set; }

    /// <summary>Lower-case tag, 1–25 letters, digits or hyphens.</summary>
    public string Tag { get; set; } = "";
}
