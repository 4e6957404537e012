namespace Spectra.Server.Community.History;

/// <summary>A "Recently watched" row.</summary>
internal sealed record WatchedChannel(Guid ChannelId, string Name, string Title, DateTime LastWatchedAt, int WatchSeconds, bool IsLive);
