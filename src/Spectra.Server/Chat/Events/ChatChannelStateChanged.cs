namespace Spectra.Server.Chat.Events;

/// <summary>Moderators, bans or blocked terms of a channel changed: every node drops its cached copy.</summary>
internal sealed record ChatChannelStateChanged(Guid ChannelId);
