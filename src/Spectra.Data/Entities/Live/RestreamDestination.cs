namespace Spectra.Data.Entities.Live;

/// <summary>
/// A place a channel's broadcasts are pushed to (Twitch, YouTube, Kick or any RTMP/RTMPS server). The stream
/// key is kept only as a Data Protection ciphertext; the last four characters are kept apart so the dashboard
/// can tell keys apart without revealing them. Times are UTC.
/// </summary>
public sealed class RestreamDestination
{
    public const int NameMaxLength = 64;
    public const int ServerUrlMaxLength = 512;
    public const int ProtectedKeyMaxLength = 2048;
    public const int KeyHintMaxLength = 8;

    public Guid Id { get; set; }

    public Guid ChannelId { get; set; }

    /// <summary>The creator's label, e.g. "Twitch".</summary>
    public string Name { get; set; } = string.Empty;

    /// <summary>rtmp:// or rtmps:// URL of the ingest server with its application path, without the key.</summary>
    public string ServerUrl { get; set; } = string.Empty;

    /// <summary>The stream key, encrypted with Data Protection.</summary>
    public string StreamKeyProtected { get; set; } = string.Empty;

    /// <summary>The key's last characters, shown as "••••abcd".</summary>
    public string StreamKeyHint { get; set; } = string.Empty;

    /// <summary>Pushed while the channel is live.</summary>
    public bool Enabled { get; set; }

    public DateTime CreatedAt { get; set; }

    public DateTime UpdatedAt { get; set; }
}
