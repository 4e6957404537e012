using Spectra.Media;
using Spectra.Server.Community.Recommendations;
using Spectra.Server.Community.Search;
using Spectra.Server.Live;

namespace Spectra.Server.Community.Discovery.Pages;

/// <summary>
/// A channel as a discovery card (directory, category, search, home): live channels as the live area's card
/// (thumbnail, LIVE badge, viewers), offline ones as its offline variant. <paramref name="Why"/> is a
/// recommendation's explanation.
/// </summary>
internal sealed record DiscoveryCard(
    string Name,
    string Title,
    string? Category,
    string? CategorySlug,
    IReadOnlyList<string> Tags,
    bool IsLive,
    int Viewers,
    string? Why = null)
{
    public static DiscoveryCard From(ChannelCard c) => new(c.Name, c.Title, c.Category, c.CategorySlug, c.Tags, c.IsLive, c.Viewers);

    public static DiscoveryCard From(SearchResult r) => new(r.Name, r.Title, r.Category, null, [], r.IsLive, r.Viewers);

    public static DiscoveryCard From(RecommendedChannel r) => new(r.Name, r.Title, r.Category, null, [], r.IsLive, r.Viewers, r.Explanation);

    /// <summary>The live area's card for this channel (only the fields the card shows are filled).</summary>
    public LiveChannelCard AsLiveCard() =>
        new(Guid.Empty, Name, Title, Category, CategorySlug, Guid.Empty, default, MediaUrls.Thumbnail(Name), Viewers);
}
