using Spectra.Server.Chat.Internal.Rules;

namespace Spectra.Server.Chat;

internal sealed partial class ChatService
{
    [LoggerMessage(EventId = 4001, Level = LogLevel.Information, Message = "Chat message of {User} in {Channel} refused: {Refusal}.")]
    private static partial void LogRefused(ILogger logger, string user, string channel, ChatRefusal refusal);

    [LoggerMessage(EventId = 4002, Level = LogLevel.Information, Message = "Chat message {MessageId} in {Channel} held for review.")]
    private static partial void LogHeld(ILogger logger, Guid messageId, string channel);

    [LoggerMessage(EventId = 4003, Level = LogLevel.Information, Message = "Moderation by {Actor}: {Action} in {Channel}, target {Target}.")]
    private static partial void LogModeration(ILogger logger, string actor, string action, string channel, string? target);
}
