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
    DateTime UpdatedAt,
    bool IsLive = false,
    LiveSessionDto? LiveSession = null);

/// <summary>The broadcast a live channel is in: started (UTC) and the ingest facts known so far.</summary>
public sealed record LiveSessionDto(Guid Id, DateTime StartedAt, string PlaylistUrl, string ThumbnailUrl, string? VideoCodec, int? Width, int? Height, double? FrameRate);

public sealed record MeDto(Guid Id, string UserName, bool IsAdmin, DateTime CreatedAt, string ChannelUrl);

/// <summary>PATCH body: absent or null fields are left unchanged; an empty category clears it.</summary>
public sealed record ChannelPatch(string? Title, string? Category, IReadOnlyList<string>? Tags, string? Description);

public sealed record StreamKeyDto(string StreamKey, string IngestUrl, string ServerUrl);
