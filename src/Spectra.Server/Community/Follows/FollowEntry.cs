namespace Spectra.Server.Community.Follows;

/// <summary>One row of a followers or following list.</summary>
internal sealed record FollowEntry(Guid UserId, string UserName, Guid ChannelId, string ChannelName, DateTime FollowedAt);
