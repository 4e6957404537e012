namespace Spectra.Server.Chat.Presence;

/// <summary>Unique connections watching a channel on the publishing node.</summary>
internal sealed record ViewersChanged(Guid ChannelId, int Viewers);
