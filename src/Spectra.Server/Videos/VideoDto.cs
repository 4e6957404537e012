namespace Spectra.Server.Videos;

/// <summary>A past broadcast in the API. Visibility is "public", "unlisted" or "private"; status "recording" or "ready".</summary>
public sealed record VideoDto(
    Guid Id,
    string Channel,
    string Title,
    string? Category,
    string Status,
    string Visibility,
    DateTime StartedAt,
    double DurationSeconds,
    long Views,
    string PageUrl,
    string PlaylistUrl)
{
    public static VideoDto From(VideoView video)
    {
        ArgumentNullException.ThrowIfNull(video);
        return new(video.Id, video.ChannelName, video.Title, video.CategorySlug, video.Status.ToString().ToLowerInvariant(),
            video.Visibility.ToString().ToLowerInvariant(), video.StartedAt, Math.Round(video.Duration.TotalSeconds, 3), video.Views,
            video.PageUrl, video.PlaylistUrl);
    }
}
