using Spectra.Server.Chat.Internal.Text;

namespace Spectra.Server.Chat.Contracts;

/// <summary>A published chat message as clients receive it.</summary>
/// <param name="Seq">Per-channel sequence number, gap-free: a client missing one knows it missed a message.</param>
/// <param name="Badges">Any of "owner", "moderator", "admin", granted by the server.</param>
/// <param name="SentAt">UTC.</param>
internal sealed record ChatMessageDto(
    Guid Id,
    long Seq,
    Guid SenderId,
    string SenderName,
    string[] Badges,
    IReadOnlyList<MessageSegment> Segments,
    DateTime SentAt)
{
    /// <summary>
    /// The message as a reader who must not see it receives it (the sender and reader block each other):
    /// id, sequence number and time only, no sender and no segments. Clients skip messages without segments;
    /// a published message always has at least one.
    /// </summary>
    public static ChatMessageDto Withheld(ChatMessageDto message) =>
        new(message.Id, message.Seq, Guid.Empty, "", [], [], message.SentAt);
}
