namespace Spectra.Server.Events;

/// <summary>A channel stopped broadcasting. <see cref="At"/> is UTC.</summary>
public sealed record StreamOffline(Guid ChannelId, string ChannelName, Guid? StreamSessionId, DateTime At);
