namespace Spectra.Data.Entities.Community;

/// <summary>A short post by a channel owner; <see cref="Html"/> is the sanitised rendering of <see cref="Markdown"/>.</summary>
public class CommunityPost
{
    public Guid Id { get; set; }

    public Guid ChannelId { get; set; }

    public string Markdown { get; set; } = string.Empty;

    public string Html { get; set; } = string.Empty;

    public DateTime CreatedAt { get; set; }
}
