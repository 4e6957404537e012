using Spectra.Server.Chat.Internal.Text;

namespace Spectra.Server.Chat.Contracts;

/// <summary>A published chat message as clients receive it.</summary>
/// <param name="Seq">Per-channel sequence number, gap-free: a client missing one knows it missed a message.</param>
/// <param name="Badges">Any of "owner", "moderator", "admin", granted by the server.</param>
/// <param name="SentAt">UTC.</param>
public sealed record ChatMessageDto(
    Guid Id,
    long Seq,
    Guid SenderId,
    string SenderName,
    string[] Badges,
    IReadOnlyList<MessageSegment> Segments,
    DateTime SentAt);
