namespace Spectra.Server.Chat.Questions;

/// <summary>A Q&amp;A question. <see cref="State"/> is "open", "answered" or "dismissed".</summary>
internal sealed record QuestionDto(Guid Id, Guid AuthorId, string AuthorName, string Text, int Upvotes, bool IsPinned, string State, DateTime CreatedAt);
