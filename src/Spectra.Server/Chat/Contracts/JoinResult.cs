using Spectra.Server.Chat.Polls;
using Spectra.Server.Chat.Questions;

namespace Spectra.Server.Chat.Contracts;

/// <summary>Everything a client needs after joining (or re-joining) a channel's chat.</summary>
/// <param name="Messages">History: the last N messages, or those after the requested sequence number.</param>
/// <param name="Gap">True when more messages were missed than returned (the client should show a gap marker).</param>
/// <param name="DeletedIds">Recently deleted message ids, so a resuming client can remove them.</param>
/// <param name="LastSeq">Sequence number of the newest published message at join time.</param>
internal sealed record JoinResult(
    Guid ChannelId,
    string Channel,
    ChatSettingsDto Settings,
    IReadOnlyList<ChatMessageDto> Messages,
    bool Gap,
    IReadOnlyList<Guid> DeletedIds,
    long LastSeq,
    ChatViewerDto? Me,
    int Viewers,
    PollDto? Poll,
    IReadOnlyList<QuestionDto> Questions,
    IReadOnlyList<string> Reactions,
    IReadOnlyList<string> ReactionEmoji);
