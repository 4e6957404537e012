namespace Spectra.Server.Live;

/// <summary>A live channel as lists show it (home page "Live now", /live/events).</summary>
/// <param name="Name">The channel's public name (its owner's user name).</param>
/// <param name="Since">When the session went live (UTC).</param>
/// <param name="ThumbnailUrl">Latest still; append <c>?t=</c> with a changing value to refresh it (about every 30 s).</param>
/// <param name="Viewers">Concurrent viewers (connections with the channel page open).</param>
internal sealed record LiveChannelCard(
    Guid ChannelId,
    string Name,
    string Title,
    string? CategoryName,
    string? CategorySlug,
    Guid SessionId,
    DateTime Since,
    string ThumbnailUrl,
    int Viewers);
