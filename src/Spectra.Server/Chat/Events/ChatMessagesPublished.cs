using Spectra.Server.Chat.Contracts;

namespace Spectra.Server.Chat.Events;

/// <summary>Messages published to a channel, in sequence order. Every node broadcasts them to its connections.</summary>
internal sealed record ChatMessagesPublished(Guid ChannelId, IReadOnlyList<ChatMessageDto> Messages);
