namespace Spectra.Server.Events;

/// <summary>A channel started broadcasting. <see cref="At"/> is UTC.</summary>
public sealed record StreamOnline(Guid ChannelId, string ChannelName, Guid? StreamSessionId, DateTime At);
