namespace Spectra.Server.Chat;

/// <summary>Names of the methods the server invokes on clients (see docs/chat.md).</summary>
internal static class ChatClientMethods
{
    /// <summary>Argument: ChatMessageDto[] in sequence order.</summary>
    public const string Messages = "messages";

    /// <summary>Argument: MessagesDeletedDto.</summary>
    public const string MessagesDeleted = "messagesDeleted";

    /// <summary>Arguments: channel name, ChatSettingsDto.</summary>
    public const string Settings = "settings";

    /// <summary>Argument: ReactionBurstDto.</summary>
    public const string Reactions = "reactions";

    /// <summary>Argument: PollDto.</summary>
    public const string Poll = "poll";

    /// <summary>Argument: QuestionDto.</summary>
    public const string Question = "question";

    /// <summary>Argument: viewer count (int).</summary>
    public const string Viewers = "viewers";
}
