namespace Spectra.Server.Community.History;

/// <summary>A "Recently watched" row.</summary>
public sealed record WatchedChannel(Guid ChannelId, string Name, string Title, DateTime LastWatchedAt, int WatchSeconds, bool IsLive);
