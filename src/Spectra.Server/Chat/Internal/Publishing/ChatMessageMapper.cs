using Spectra.Data.Entities.Chat;
using Spectra.Server.Chat.Contracts;
using Spectra.Server.Chat.Internal.State;
using Spectra.Server.Chat.Internal.Text;

namespace Spectra.Server.Chat.Internal.Publishing;

internal static class ChatMessageMapper
{
    public static ChatMessageDto ToDto(ChatMessage message) =>
        new(
            message.Id,
            message.Sequence ?? 0,
            message.SenderId,
            message.SenderName,
            ChannelChatState.BadgeNames(message.Badges),
            MessageFormatter.Format(message.Text, message.Linkify).Segments,
            DateTime.SpecifyKind(message.CreatedAt, DateTimeKind.Utc));
}
