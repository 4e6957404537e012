namespace Spectra.Server.Community.Search;

/// <summary>A channel retrieved from the index with the keys it matched and its live state.</summary>
internal sealed record SearchCandidate(
    Guid ChannelId,
    string Name,
    string Title,
    string? Category,
    IReadOnlyCollection<SearchKey> MatchedKeys,
    bool IsLive,
    int Viewers);
