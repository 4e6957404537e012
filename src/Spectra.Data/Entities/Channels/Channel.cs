using Spectra.Data.Entities.Accounts;

namespace Spectra.Data.Entities.Channels;

/// <summary>A user's channel. Its public name is the owner's user name; its page is /{username}.</summary>
public sealed class Channel
{
    public const int TitleMaxLength = 140;
    public const int DescriptionMaxLength = 2000;
    public const int MaxTags = 10;
    public const int TagMaxLength = 25;

    public Guid Id { get; set; }

    public Guid OwnerId { get; set; }

    public User Owner { get; set; } = null!;

    public string Title { get; set; } = "";

    public int? CategoryId { get; set; }

    public Category? Category { get; set; }

    public string Description { get; set; } = "";

    public List<ChannelTag> Tags { get; set; } = [];

    /// <summary>Content type of the stored avatar image; null when the channel has none.</summary>
    public string? AvatarContentType { get; set; }

    /// <summary>Bumped on every avatar change; part of the avatar URL so it can be cached forever.</summary>
    public int AvatarVersion { get; set; }

    /// <summary>Keyed hash (HMAC-SHA256, hex) of the stream key, used to find the channel from a key.</summary>
    public string StreamKeyHash { get; set; } = "";

    /// <summary>The stream key encrypted with Data Protection, so the owner can reveal it.</summary>
    public string StreamKeyProtected { get; set; } = "";

    /// <summary>Record broadcasts into past broadcasts (when the site records at all: Recording:Enabled).</summary>
    public bool RecordingEnabled { get; set; } = true;

    /// <summary>Days past broadcasts are kept; null keeps them until deleted.</summary>
    public int? VideoRetentionDays { get; set; }

    /// <summary>When the retention and quota sweep last deleted videos of this channel (shown on the dashboard).</summary>
    public DateTime? VideosSweptAt { get; set; }

    /// <summary>How many videos that sweep deleted.</summary>
    public int VideosSweptCount { get; set; }

    public DateTime CreatedAt { get; set; }

    public DateTime UpdatedAt { get; set; }
}
