namespace Spectra.Server.Api;

public sealed record CategoryDto(string Slug, string Name);

public sealed record ChannelDto(
    string Name,
    string Title,
    CategoryDto? Category,
    IReadOnlyList<string> Tags,
    string Description,
    string? AvatarUrl,
    string Url,
    DateTime UpdatedAt);

public sealed record MeDto(Guid Id, string UserName, bool IsAdmin, DateTime CreatedAt, string ChannelUrl);

/// <summary>PATCH body: absent or null fields are left unchanged; an empty category clears it.</summary>
public sealed record ChannelPatch(string? Title, string? Category, IReadOnlyList<string>? Tags, string? Description);

public sealed record StreamKeyDto(string StreamKey, string IngestUrl, string ServerUrl);
