namespace Spectra.Data.Entities.Community;

/// <summary>
/// An outbound webhook of a channel. The signing secret is stored encrypted with ASP.NET Core data
/// protection (it must be recoverable to sign), never in clear text.
/// </summary>
public class WebhookSubscription
{
    public Guid Id { get; set; }

    public Guid ChannelId { get; set; }

    public string Url { get; set; } = string.Empty;

    public string ProtectedSecret { get; set; } = string.Empty;

    /// <summary>Comma-separated event types: stream.online, stream.offline, channel.follow.</summary>
    public string Events { get; set; } = string.Empty;

    public bool Enabled { get; set; } = true;

    public DateTime CreatedAt { get; set; }
}
