namespace Spectra.Server.Channels.Pages;

internal sealed class ChannelInfoInput
{
    public string? Title { get; set; }

    public string? Category { get; set; }

    public string? Tags { get; set; }

    public string? Description { get; set; }
}
