namespace Spectra.Server.Chat.Polls;

internal sealed record PollChanged(Guid ChannelId, PollDto Poll);
