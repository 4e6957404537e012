namespace Spectra.Server.Community.Posts;

/// <summary>A community post; <see cref="Html"/> is safe to insert as is.</summary>
internal sealed record PostInfo(Guid Id, Guid ChannelId, string ChannelName, string Markdown, string Html, DateTime CreatedAt);
