using Spectra.Server.Chat.Contracts;

namespace Spectra.Server.Chat.Events;

public sealed record ChatMessagesDeleted(Guid ChannelId, MessagesDeletedDto Deleted);
