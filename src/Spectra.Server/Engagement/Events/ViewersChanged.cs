namespace Spectra.Server.Engagement.Events;

/// <summary>Unique connections watching a channel on the publishing node.</summary>
public sealed record ViewersChanged(Guid ChannelId, int Viewers);
