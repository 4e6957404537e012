namespace Spectra.Server.Community;

/// <summary>A channel that is live now, since <see cref="Since"/> (UTC), with current concurrent viewers.</summary>
public sealed record LiveChannel(Guid ChannelId, Guid? StreamSessionId, DateTime Since, int Viewers);
