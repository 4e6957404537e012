using Spectra.Data.Entities.Videos;

namespace Spectra.Server.Videos;

/// <summary>A past broadcast as pages and the API show it.</summary>
/// <param name="CanEdit">The viewer owns the channel (or is an admin): may rename, change visibility, delete.</param>
public sealed record VideoView(
    Guid Id,
    string ChannelName,
    string Title,
    string? CategoryName,
    string? CategorySlug,
    VideoStatus Status,
    VideoVisibility Visibility,
    DateTime StartedAt,
    TimeSpan Duration,
    long Views,
    long StorageBytes,
    bool CanEdit)
{
    public string PageUrl => $"/videos/{Id:N}";

    public string PlaylistUrl => $"/vod/{Id:N}/master.m3u8";

    public string PosterUrl => $"/vod/{Id:N}/poster.jpg";
}
