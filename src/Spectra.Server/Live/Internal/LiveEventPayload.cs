using Spectra.Media;

namespace Spectra.Server.Live.Internal;

/// <summary>JSON of an "online" server-sent event and of each entry of a "snapshot".</summary>
internal sealed record LiveEventPayload(
    string Channel,
    string Title,
    string? Category,
    string? CategorySlug,
    Guid SessionId,
    DateTime Since,
    string ThumbnailUrl,
    string PlaylistUrl,
    int Viewers)
{
    public static LiveEventPayload From(LiveChannelCard card) => new(
        card.Name,
        card.Title,
        card.CategoryName,
        card.CategorySlug,
        card.SessionId,
        card.Since,
        card.ThumbnailUrl,
        MediaUrls.MasterPlaylist(card.Name),
        card.Viewers);
}
