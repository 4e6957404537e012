using Spectra.Server.Chat.Contracts;

namespace Spectra.Server.Chat.Events;

internal sealed record ChatMessagesDeleted(Guid ChannelId, MessagesDeletedDto Deleted);
