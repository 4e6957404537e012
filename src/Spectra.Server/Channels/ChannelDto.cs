namespace Spectra.Server.Channels;

internal sealed record ChannelDto(
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
