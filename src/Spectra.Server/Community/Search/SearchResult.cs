namespace Spectra.Server.Community.Search;

/// <summary>A search result as returned by the API and rendered by the search page.</summary>
internal sealed record SearchResult(Guid ChannelId, string Name, string Title, string? Category, bool IsLive, int Viewers, string Match);
