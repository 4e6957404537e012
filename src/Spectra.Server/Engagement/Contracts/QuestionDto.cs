namespace Spectra.Server.Engagement.Contracts;

/// <summary>A Q&amp;A question. <see cref="State"/> is "open", "answered" or "dismissed".</summary>
public sealed record QuestionDto(Guid Id, Guid AuthorId, string AuthorName, string Text, int Upvotes, bool IsPinned, string State, DateTime CreatedAt);
