namespace Spectra.Server.Community.Discovery;

/// <summary>A channel as listed on discovery pages.</summary>
internal sealed record ChannelCard(
    Guid ChannelId,
    string Name,
    string Title,
    string? Category,
    string? CategorySlug,
    IReadOnlyList<string> Tags,
    bool IsLive,
    int Viewers);
