namespace Spectra.Server.Chat.Contracts;

/// <summary>Who the connection is in a channel (null for anonymous readers).</summary>
internal sealed record ChatViewerDto(
    Guid UserId,
    string UserName,
    string[] Badges,
    bool CanModerate,
    bool IsOwner,
    Guid[] BlockedUserIds);
