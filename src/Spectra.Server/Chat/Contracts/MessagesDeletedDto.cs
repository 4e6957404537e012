namespace Spectra.Server.Chat.Contracts;

/// <summary>Messages that clients must remove. <paramref name="UserId"/> set: every message of that user (ban, time-out).</summary>
internal sealed record MessagesDeletedDto(IReadOnlyList<Guid> MessageIds, Guid? UserId);
